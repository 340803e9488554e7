//===--- DiscardedValue.cpp - is an expression's value thrown away? ------===//

#include "utils/DiscardedValue.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::valuetask {
namespace {

bool isTransparentWrapper(const Stmt &S) {
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(&S))
    return Cast->getCastKind() == CK_NoOp;
  return isa<ExprWithCleanups, CXXBindTemporaryExpr, MaterializeTemporaryExpr,
             ParenExpr, ConstantExpr>(S);
}

bool isStdIgnore(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->getIdentifier() && Var->getName() == "ignore" &&
         Var->isInStdNamespace();
}

/// A statement position: the child is evaluated only for its side effects.
bool isStatementPosition(const Stmt &Parent, const Stmt *Child) {
  if (isa<CompoundStmt>(Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return If->getThen() == Child || If->getElse() == Child;
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return While->getBody() == Child;
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return Do->getBody() == Child;
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return For->getBody() == Child || For->getInc() == Child ||
           For->getInit() == Child;
  if (const auto *RangeFor = dyn_cast<CXXForRangeStmt>(&Parent))
    return RangeFor->getBody() == Child;
  if (const auto *Switch = dyn_cast<SwitchCase>(&Parent))
    return Switch->getSubStmt() == Child;
  if (const auto *Label = dyn_cast<LabelStmt>(&Parent))
    return Label->getSubStmt() == Child;
  if (const auto *Attributed = dyn_cast<AttributedStmt>(&Parent))
    return Attributed->getSubStmt() == Child;
  return false;
}

} // namespace

Discard discardOf(const Expr &E, ASTContext &Context) {
  const Stmt *Node = &E;
  while (true) {
    DynTypedNodeList Parents = Context.getParents(*Node);
    if (Parents.size() != 1)
      return Discard::None;
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      return Discard::None;
    if (isTransparentWrapper(*Parent)) {
      Node = Parent;
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent))
      return Cast->getType()->isVoidType() ? Discard::Explicit : Discard::None;
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Parent);
        Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2 && Assign->getArg(1) == Node &&
        isStdIgnore(Assign->getArg(0)))
      return Discard::Explicit;
    if (const auto *Comma = dyn_cast<BinaryOperator>(Parent);
        Comma && Comma->getOpcode() == BO_Comma)
      return Comma->getLHS() == Node ? Discard::Silent : Discard::None;
    if (isa<Expr>(Parent))
      return Discard::None;
    return isStatementPosition(*Parent, Node) ? Discard::Silent
                                              : Discard::None;
  }
}

} // namespace clang::tidy::valuetask
