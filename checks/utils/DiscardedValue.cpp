//===--- DiscardedValue.cpp - which values does a statement throw away? --===//

#include "utils/DiscardedValue.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::valuetask {
namespace {

bool isTransparentWrapper(const Stmt &S) {
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(&S))
    return Cast->getCastKind() == CK_NoOp;
  return isa<ExprWithCleanups, CXXBindTemporaryExpr, MaterializeTemporaryExpr,
             ParenExpr, ConstantExpr>(S);
}

/// The expression \p Child stands for once its wrappers are peeled off;
/// null for a statement that is not an expression.
const Expr *unwrapped(const Stmt *Child) {
  while (Child && isTransparentWrapper(*Child))
    Child = *Child->child_begin();
  return dyn_cast_or_null<Expr>(Child);
}

bool isStdIgnore(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->getIdentifier() && Var->getName() == "ignore" &&
         Var->isInStdNamespace();
}

/// The children \p Parent evaluates only for their side effects, as a
/// statement: a block's statements, branch and loop bodies, a for loop's
/// initialization and increment, a label's or case's statement.
llvm::SmallVector<const Stmt *, 4> statementPositions(const Stmt &Parent) {
  if (const auto *Block = dyn_cast<CompoundStmt>(&Parent))
    return {Block->body_begin(), Block->body_end()};
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return {If->getThen(), If->getElse()};
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return {While->getBody()};
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return {Do->getBody()};
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return {For->getBody(), For->getInc(), For->getInit()};
  if (const auto *RangeFor = dyn_cast<CXXForRangeStmt>(&Parent))
    return {RangeFor->getBody()};
  if (const auto *Case = dyn_cast<SwitchCase>(&Parent))
    return {Case->getSubStmt()};
  if (const auto *Label = dyn_cast<LabelStmt>(&Parent))
    return {Label->getSubStmt()};
  if (const auto *Attributed = dyn_cast<AttributedStmt>(&Parent))
    return {Attributed->getSubStmt()};
  return {};
}

} // namespace

llvm::SmallVector<DiscardedValue, 4> discardedValues(const Stmt &Parent) {
  llvm::SmallVector<DiscardedValue, 4> Result;
  auto Add = [&Result](const Stmt *Child, Discard Kind) {
    if (const Expr *Value = unwrapped(Child))
      Result.push_back({Value, Kind});
  };
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(&Parent)) {
    if (Cast->getType()->isVoidType())
      Add(Cast->getSubExpr(), Discard::Explicit);
    return Result;
  }
  if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(&Parent)) {
    if (Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2 &&
        isStdIgnore(Assign->getArg(0)))
      Add(Assign->getArg(1), Discard::Explicit);
    return Result;
  }
  if (const auto *Comma = dyn_cast<BinaryOperator>(&Parent)) {
    if (Comma->getOpcode() == BO_Comma)
      Add(Comma->getLHS(), Discard::Silent);
    return Result;
  }
  for (const Stmt *Child : statementPositions(Parent))
    Add(Child, Discard::Silent);
  return Result;
}

} // namespace clang::tidy::valuetask
