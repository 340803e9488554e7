//===--- StoredCheck.cpp - valuetask-stored --------------------------------===//

#include "StoredCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "utils/Advice.h"
#include "utils/ConsumptionEvents.h"
#include "utils/HeldValueTask.h"
#include "utils/ReturnTypeSpelling.h"
#include "utils/WrittenInSource.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {
namespace {

static constexpr StringRef FieldId = "field";
static constexpr StringRef VariableId = "variable";

/// A lambda's captures (and init-captures) are its closure's members; a
/// captured value task is consumed by the lambda, not kept.
AST_MATCHER(FieldDecl, isInLambdaClosure) {
  const auto *Closure = dyn_cast<CXXRecordDecl>(Node.getParent());
  return Closure && Closure->isLambda();
}

/// An implicit instantiation of a variable template: its pattern is checked
/// once instead.
AST_MATCHER(VarDecl, isVariableTemplateInstantiation) {
  const auto *Specialization = dyn_cast<VarTemplateSpecializationDecl>(&Node);
  return Specialization &&
         isTemplateInstantiation(Specialization->getSpecializationKind());
}

/// Where a variable lives decides the words of the warning; an empty kind
/// means it does not keep a value task at all.
StringRef variableKind(const VarDecl &Variable, ValueTaskHolding Holding) {
  if (!Holding.Holds)
    return {};
  if (Variable.getTLSKind() != VarDecl::TLS_None)
    return "thread-local variable";
  if (Variable.isStaticLocal() || Variable.isStaticDataMember())
    return "static variable";
  if (Variable.hasGlobalStorage())
    return "global variable";
  // A plain local value task is consumed in its scope; so is a collection
  // moved whole into a combinator or walked once (checked by the caller).
  return Holding.InCollection ? "local container" : StringRef();
}

/// How the function around a local container uses its elements: an element
/// consumed (awaited, read, converted) at two places, or the container
/// handed over whole and an element consumed too, means some task may be
/// consumed twice; `when_all(std::move(tasks))` or one loop awaiting each
/// element does not.
class ContainerUses : public RecursiveASTVisitor<ContainerUses> {
public:
  explicit ContainerUses(const VarDecl &Container) : Container(Container) {}

  bool consumesSomeElementTwice(const Stmt *Body, ASTContext &Context) {
    this->Context = &Context;
    TraverseStmt(const_cast<Stmt *>(Body));
    if (ConsumedWhole && !Sites.empty())
      return true;
    // Two sites overlap unless both read different constant indices.
    for (size_t I = 0; I < Sites.size(); ++I)
      for (size_t J = I + 1; J < Sites.size(); ++J)
        if (!Sites[I] || !Sites[J] || *Sites[I] == *Sites[J])
          return true;
    return false;
  }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *Loop) {
    if (namesContainer(Loop->getRangeInit()))
      if (const VarDecl *Element = Loop->getLoopVariable())
        Elements.insert(Element);
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    countElementUse(Await->getOperand());
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *Await) {
    countElementUse(Await->getOperand());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (std::optional<MemberCall> Member = namedMemberCall(*Call);
        Member && (Member->Name == "result" || Member->Name == "as_task"))
      countElementUse(Member->Object);
    else if (Call->getNumArgs() == 1 && namesContainer(Call->getArg(0)) &&
             isMoveCall(*Call))
      ConsumedWhole = true;
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *Return) {
    ConsumedWhole |= namesContainer(Return->getRetValue());
    return true;
  }

private:
  static bool isMoveCall(const CallExpr &Call) {
    const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl());
    if (!Callee)
      if (const auto *Lookup = dyn_cast<OverloadExpr>(
              Call.getCallee()->IgnoreParenImpCasts());
          Lookup && !Lookup->decls().empty())
        Callee = *Lookup->decls().begin();
    return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
           Callee->getName() == "move";
  }

  bool namesContainer(const Expr *E) const {
    const VarDecl *Var = referencedVariable(E);
    return Var == &Container;
  }

  /// `co_await tasks[i]`, `tasks.at(i).result()`, `co_await t` for a loop
  /// variable over the container.
  void countElementUse(const Expr *Operand) {
    const Expr *E = Operand ? Operand->IgnoreParenImpCasts() : nullptr;
    if (const VarDecl *Var = referencedVariable(E); Var && Elements.count(Var)) {
      Sites.push_back(std::nullopt);
      return;
    }
    std::optional<int64_t> Index;
    while (E) {
      E = E->IgnoreParenImpCasts();
      if (const auto *Move = dyn_cast<CallExpr>(E); Move && isMoveCall(*Move) &&
                                                    Move->getNumArgs() == 1) {
        E = Move->getArg(0);
        continue;
      }
      if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
        Index = constantIndex(Subscript->getIdx());
        E = Subscript->getBase();
      } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
                 Operator && Operator->getOperator() == OO_Subscript) {
        Index = constantIndex(Operator->getArg(1));
        E = Operator->getArg(0);
      } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
        std::optional<MemberCall> Member = namedMemberCall(*Call);
        if (!Member || !llvm::is_contained({"at", "front", "back"}, Member->Name))
          return;
        if (Member->Name == "front")
          Index = 0;
        else if (Member->Name == "at" && Call->getNumArgs() == 1)
          Index = constantIndex(Call->getArg(0));
        E = Member->Object;
      } else {
        return;
      }
      if (namesContainer(E)) {
        Sites.push_back(Index);
        return;
      }
    }
  }

  std::optional<int64_t> constantIndex(const Expr *Index) const {
    Expr::EvalResult Result;
    if (!Index || Index->isValueDependent() ||
        !Index->EvaluateAsInt(Result, *Context))
      return std::nullopt;
    return Result.Val.getInt().getExtValue();
  }

  const VarDecl &Container;
  ASTContext *Context = nullptr;
  llvm::SmallPtrSet<const VarDecl *, 2> Elements;
  /// Each place an element is consumed: the constant index it reads, or
  /// nullopt for any element (a loop variable, a computed index).
  llvm::SmallVector<std::optional<int64_t>, 4> Sites;
  bool ConsumedWhole = false;
};

bool consumesSomeElementTwice(const VarDecl &Container) {
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Container.getParentFunctionOrMethod());
  return Function && Function->getBody() &&
         ContainerUses(Container).consumesSomeElementTwice(
             Function->getBody(), Function->getASTContext());
}

} // namespace

StoredCheck::StoredCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Models(Options),
      RawAllowedClasses(Options.get("AllowedClasses", "")),
      AllowedClasses(parseQualifiedNames(RawAllowedClasses)) {}

void StoredCheck::registerMatchers(MatchFinder *Finder) {
  // Each declaration once, as written: not in system headers, not generated
  // by the compiler, not per template instantiation.
  const auto WrittenOnce =
      allOf(unless(isExpansionInSystemHeader()), unless(isImplicit()));
  Finder->addMatcher(
      writtenInSource(
          fieldDecl(WrittenOnce, unless(isInLambdaClosure())).bind(FieldId)),
      this);
  Finder->addMatcher(
      writtenInSource(varDecl(WrittenOnce, unless(parmVarDecl()),
                              unless(isInitCapture()),
                              unless(isVariableTemplateInstantiation()))
                          .bind(VariableId)),
      this);
}

void StoredCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Field = Result.Nodes.getNodeAs<FieldDecl>(FieldId)) {
    if (!Field->getDeclName().isIdentifier() ||
        isExemptClassContext(Field->getParent()))
      return;
    if (findHeldValueTask(Field->getType(), Models).Holds)
      diagnose(Field, "data member", Field->getType());
    return;
  }
  const auto *Variable = Result.Nodes.getNodeAs<VarDecl>(VariableId);
  // Structured bindings and unnamed variables have no name to report; a
  // redeclaration was reported at the first declaration.
  if (!Variable || !Variable->getDeclName().isIdentifier() ||
      !Variable->isFirstDecl())
    return;
  if (Variable->isStaticDataMember() &&
      isExemptClassContext(Variable->getDeclContext()))
    return;
  StringRef Kind =
      variableKind(*Variable, findHeldValueTask(Variable->getType(), Models));
  if (Kind.empty() ||
      (Kind == "local container" && !consumesSomeElementTwice(*Variable)))
    return;
  diagnose(Variable, Kind, Variable->getType());
}

bool StoredCheck::isExemptClassContext(const DeclContext *Context) const {
  for (; Context; Context = Context->getParent()) {
    const auto *Record = dyn_cast<CXXRecordDecl>(Context);
    if (!Record)
      continue;
    if (Models.modelOfClass(Record))
      return true;
    if (!AllowedClasses.empty() && Record->getDeclName().isIdentifier() &&
        llvm::is_contained(AllowedClasses,
                           "::" + Record->getQualifiedNameAsString()))
      return true;
  }
  return false;
}

/// The first task type inside \p Type whose model forbids keeping it.
static const TaskModel *heldModel(QualType Type, const TaskModels &Models) {
  if (Type.isNull() || Type->isReferenceType() || Type->isPointerType())
    return nullptr;
  if (const TaskModel *Model = Models.modelOf(Type))
    return Model->StoringIsMisuse ? Model : nullptr;
  if (const ArrayType *Array = Type->getAsArrayTypeUnsafe())
    return heldModel(Array->getElementType(), Models);
  llvm::ArrayRef<TemplateArgument> Arguments;
  if (const auto *Record = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Type->getAsCXXRecordDecl())) {
    Arguments = Record->getTemplateArgs().asArray();
  } else if (const auto *Specialization =
                 Type->getAs<TemplateSpecializationType>()) {
    if (Specialization->isTypeAlias())
      return heldModel(Specialization->getAliasedType(), Models);
    Arguments = Specialization->template_arguments();
  }
  llvm::SmallVector<TemplateArgument, 4> Pending(Arguments.begin(),
                                                 Arguments.end());
  while (!Pending.empty()) {
    TemplateArgument Argument = Pending.pop_back_val();
    if (Argument.getKind() == TemplateArgument::Pack)
      Pending.append(Argument.pack_begin(), Argument.pack_end());
    else if (Argument.getKind() == TemplateArgument::Type)
      if (const TaskModel *Model = heldModel(Argument.getAsType(), Models))
        return Model;
  }
  return nullptr;
}

void StoredCheck::diagnose(const DeclaratorDecl *Declaration, StringRef Kind,
                           QualType Held) {
  const TaskModel *Model = heldModel(Held, Models);
  if (!Model)
    return;
  StringRef Spelled = Model->Counterpart;
  Spelled.consume_front("::");
  diag(Declaration->getLocation(), storedMessage(*Model, Spelled))
      << Kind << Declaration;
}

void StoredCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Models.store(Opts, Options);
  Options.store(Opts, "AllowedClasses", RawAllowedClasses);
}

} // namespace clang::tidy::valuetask
