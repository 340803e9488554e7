//===--- ConsumptionEvents.cpp - what a statement does to a value task ---===//

#include "utils/ConsumptionEvents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::valuetask {
namespace {

bool isStdFunctionNamed(const NamedDecl *D,
                        std::initializer_list<StringRef> Names) {
  return D && D->isInStdNamespace() && D->getIdentifier() &&
         llvm::is_contained(Names, D->getName());
}

/// std::move and friends only change the value category: the variable they
/// name is what the caller consumes (or, for std::as_const, inspects). In a
/// template the callee may still be an unresolved name.
bool isValueCategoryCall(const CallExpr &Call,
                         std::initializer_list<StringRef> Names = {
                             "move", "forward", "move_if_noexcept",
                             "as_const"}) {
  if (Call.getNumArgs() != 1)
    return false;
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return isStdFunctionNamed(Callee, Names);
  const auto *Lookup =
      dyn_cast<UnresolvedLookupExpr>(Call.getCallee()->IgnoreImpCasts());
  return Lookup && !Lookup->decls().empty() &&
         llvm::all_of(Lookup->decls(), [&](const NamedDecl *D) {
           return isStdFunctionNamed(D->getUnderlyingDecl(), Names);
         });
}

/// \p E with parentheses, implicit casts, std::move and friends and
/// static_cast<T&&> looked through; \p Moved says whether an rvalue cast
/// was among them.
const Expr *stripValueCategory(const Expr *E, bool *Moved = nullptr) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temporary->getSubExpr();
      continue;
    }
    const Expr *Inner = nullptr;
    bool IsMove = true;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getTypeAsWritten()->isRValueReferenceType())
      Inner = Cast->getSubExpr();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && isValueCategoryCall(*Call)) {
      Inner = Call->getArg(0);
      IsMove = !isValueCategoryCall(*Call, {"as_const"});
    }
    if (!Inner)
      return E;
    if (Moved && IsMove)
      *Moved = true;
    E = Inner;
  }
  return nullptr;
}

/// The members that consume a value task; the completion queries are read
/// by the analysis from branch conditions, not here.
std::optional<EventKind> memberEventByName(StringRef Name) {
  if (Name == "result")
    return EventKind::Result;
  if (Name == "as_task")
    return EventKind::Consume;
  return std::nullopt;
}

std::optional<EventKind> memberEvent(const CXXMethodDecl *Method) {
  if (!Method || Method->getOverloadedOperator() == OO_Coawait)
    return std::nullopt;
  if (Method->getIdentifier())
    if (std::optional<EventKind> Kind = memberEventByName(Method->getName()))
      return Kind;
  if (Method->getRefQualifier() == RQ_RValue)
    return EventKind::Consume;
  return std::nullopt;
}

/// What binding an argument to a parameter of \p ParamType does to the
/// variable: a `T&&` parameter takes it over, a non-const `T&` may do
/// anything with it, a `const T&` only looks.
std::optional<EventKind> bindingEvent(QualType ParamType) {
  if (ParamType.isNull())
    return std::nullopt;
  if (ParamType->isRValueReferenceType())
    return EventKind::Consume;
  if (ParamType->isLValueReferenceType() &&
      !ParamType->getPointeeType().isConstQualified())
    return EventKind::Escape;
  return std::nullopt;
}

class EventCollector : public RecursiveASTVisitor<EventCollector> {
public:
  EventCollector(llvm::ArrayRef<const VarDecl *> Tracked,
                 const ValueTaskTypes &Types)
      : Tracked(Tracked.begin(), Tracked.end()), Types(Types) {}

  EventMap take() { return std::move(Events); }

  bool shouldVisitTemplateInstantiations() const { return false; }

  // Unevaluated operands produce no event.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return E->isPotentiallyEvaluated()
               ? RecursiveASTVisitor::TraverseCXXTypeidExpr(E)
               : true;
  }

  // A nested lambda's body is a function of its own: only the captures
  // happen here.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() && Capture.getCaptureKind() == LCK_ByRef)
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
          add(Lambda, EventKind::Escape, Var, Capture.getLocation());
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }

  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    addIfTracked(Await, EventKind::Await, Await->getOperand(),
                 Await->getKeywordLoc());
    return true;
  }

  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *Await) {
    addIfTracked(Await, EventKind::Await, Await->getOperand(),
                 Await->getKeywordLoc());
    return true;
  }

  bool VisitCoreturnStmt(CoreturnStmt *Return) {
    addIfTracked(Return, EventKind::Consume, Return->getOperand(),
                 Return->getKeywordLoc());
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *Return) {
    const Expr *Value = Return->getRetValue();
    if (!Value)
      return true;
    // `return v;` moves v through an (elidable) move constructor: the
    // return statement is the consumption, not the constructor.
    const Expr *Inner = Value->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner);
        Construct && Construct->getNumArgs() == 1 &&
        trackedVariable(Construct->getArg(0))) {
      Claimed.insert(Construct);
      Inner = Construct->getArg(0);
    }
    addIfTracked(Return, EventKind::Consume, Inner, Return->getReturnLoc());
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (std::optional<EventKind> Kind = memberEvent(Call->getMethodDecl())) {
      SourceLocation Loc = Call->getExprLoc();
      addIfTracked(Call, *Kind, Call->getImplicitObjectArgument(), Loc);
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (isValueCategoryCall(*Call))
      return true;
    if (const std::optional<MemberCall> Member = namedMemberCall(*Call);
        Member && !isa<CXXMemberCallExpr>(Call)) {
      // `v.result()` on a value task whose type is still dependent.
      if (std::optional<EventKind> Kind = memberEventByName(Member->Name))
        addIfTracked(Call, *Kind, Member->Object, Member->NameLoc);
      return true;
    }
    if (isStdFunctionNamed(Callee, {"addressof"})) {
      for (const Expr *Arg : Call->arguments())
        addIfTracked(Arg, EventKind::Escape, Arg, Arg->getBeginLoc());
      return true;
    }
    const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
    if (Operator && Operator->getOperator() == OO_Coawait)
      return true;
    unsigned FirstParamArg = 0;
    if (Operator && isa_and_nonnull<CXXMethodDecl>(Callee) &&
        !cast<CXXMethodDecl>(Callee)->isExplicitObjectMemberFunction()) {
      FirstParamArg = 1;
      addMemberOperatorObjectEvents(Operator, cast<CXXMethodDecl>(Callee));
    }
    for (unsigned I = FirstParamArg; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (!Callee) {
        // An unknown callee (a dependent name, a function pointer): a
        // moved argument is taken over, an lvalue is handed out.
        bool Moved = false;
        stripValueCategory(Arg, &Moved);
        addIfTracked(Call, Moved ? EventKind::Consume : EventKind::Escape, Arg,
                     Arg->getBeginLoc());
        continue;
      }
      unsigned ParamIndex = I - FirstParamArg;
      if (ParamIndex >= Callee->getNumParams())
        break;
      if (auto Kind = bindingEvent(Callee->getParamDecl(ParamIndex)->getType()))
        addIfTracked(Call, *Kind, Arg, Arg->getBeginLoc());
    }
    if (Operator && Operator->getOperator() == OO_Equal &&
        Operator->getNumArgs() == 2)
      if (const VarDecl *Target = trackedVariable(Operator->getArg(0)))
        add(Operator, EventKind::Reassign, Target, Operator->getOperatorLoc(),
            createsCompletedValueTask(Operator->getArg(1), Types));
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (Claimed.contains(Construct))
      return true;
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I) {
      if (!Constructor || I >= Constructor->getNumParams())
        break;
      const Expr *Arg = Construct->getArg(I);
      if (auto Kind = bindingEvent(Constructor->getParamDecl(I)->getType()))
        addIfTracked(Construct, *Kind, Arg, Arg->getBeginLoc());
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *Operator) {
    if (Operator->getOpcode() == UO_AddrOf)
      addIfTracked(Operator, EventKind::Escape, Operator->getSubExpr(),
                   Operator->getBeginLoc());
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    const Expr *Init = Var->getInit();
    if (!Init)
      return true;
    // A reference bound to the variable is an alias we do not follow.
    if (Var->getType()->isReferenceType())
      addIfTracked(Init, EventKind::Escape, Init, Var->getLocation());
    // In a template the move constructor is not chosen yet: the
    // initialization itself takes the value over.
    else if (Init->isTypeDependent())
      addIfTracked(Init, EventKind::Consume, Init, Init->getBeginLoc());
    return true;
  }

  /// `v = x` and `w = std::move(v)` while the types are still dependent
  /// (otherwise they are operator calls, see VisitCallExpr).
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() != BO_Assign)
      return true;
    addIfTracked(Assign, EventKind::Consume, Assign->getRHS(),
                 Assign->getRHS()->getBeginLoc());
    if (const VarDecl *Target = trackedVariable(Assign->getLHS()))
      add(Assign, EventKind::Reassign, Target, Assign->getOperatorLoc());
    return true;
  }

private:
  /// `v = x` resets v (see VisitCallExpr); other member operators called
  /// on an rvalue value task (`std::move(v) op x`) consume it.
  void addMemberOperatorObjectEvents(const CXXOperatorCallExpr *Operator,
                                     const CXXMethodDecl *Method) {
    if (Operator->getOperator() != OO_Equal &&
        Method->getRefQualifier() == RQ_RValue)
      addIfTracked(Operator, EventKind::Consume, Operator->getArg(0),
                   Operator->getOperatorLoc());
  }

  const VarDecl *trackedVariable(const Expr *E) const {
    const VarDecl *Var = referencedVariable(E);
    return Var && Tracked.contains(Var) ? Var : nullptr;
  }

  void addIfTracked(const Stmt *Anchor, EventKind Kind, const Expr *Operand,
                    SourceLocation Loc) {
    if (const VarDecl *Var = trackedVariable(Operand))
      add(Anchor, Kind, Var, Loc);
  }

  void add(const Stmt *Anchor, EventKind Kind, const VarDecl *Var,
           SourceLocation Loc, bool ValueIsComplete = false) {
    auto &AtAnchor = Events[Anchor];
    for (const ConsumptionEvent &Existing : AtAnchor)
      if (Existing.Var == Var && Existing.Kind == Kind)
        return;
    AtAnchor.push_back({Kind, Var, Loc, ValueIsComplete});
  }

  llvm::SmallPtrSet<const VarDecl *, 8> Tracked;
  const ValueTaskTypes &Types;
  llvm::SmallPtrSet<const CXXConstructExpr *, 4> Claimed;
  EventMap Events;
};

const CXXConstructExpr *valueTaskConstruction(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = Cast->getSubExpr()->IgnoreImplicit();
  return dyn_cast<CXXConstructExpr>(Init);
}

/// The arguments the user wrote: trailing defaulted ones (the runtime's
/// constructors take the caller's source location that way) do not change
/// what the construction holds.
unsigned writtenArgumentCount(const CXXConstructExpr &Construct) {
  return llvm::count_if(Construct.arguments(), [](const Expr *Argument) {
    return !isa<CXXDefaultArgExpr>(Argument);
  });
}

} // namespace

std::optional<MemberCall> namedMemberCall(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    return MemberCall{Member->getImplicitObjectArgument(), Method->getName(),
                      Member->getExprLoc()};
  }
  const auto *Dependent =
      dyn_cast<CXXDependentScopeMemberExpr>(Call.getCallee()->IgnoreParens());
  if (!Dependent || Dependent->isImplicitAccess() ||
      !Dependent->getMember().isIdentifier())
    return std::nullopt;
  return MemberCall{Dependent->getBase(),
                    Dependent->getMember().getAsIdentifierInfo()->getName(),
                    Dependent->getMemberLoc()};
}

const VarDecl *referencedVariable(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(stripValueCategory(E));
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool createsCompletedValueTask(const Expr *Init, const ValueTaskTypes &Types) {
  const CXXConstructExpr *Construct = valueTaskConstruction(Init);
  if (!Construct || !Types.isValueTask(Construct->getType()))
    return false;
  // Default construction holds a default value; a one-argument constructor
  // from a plain value holds that value. A task or a source is pending.
  unsigned Written = writtenArgumentCount(*Construct);
  if (Written == 0)
    return true;
  const CXXConstructorDecl *Constructor = Construct->getConstructor();
  if (Written != 1 || !Constructor ||
      Constructor->isCopyOrMoveConstructor())
    return false;
  QualType ArgType = Construct->getArg(0)->getType();
  return !Types.isValueTask(ArgType) && !Types.isTask(ArgType);
}

bool createsEmptyValueTask(const Expr *Init) {
  const CXXConstructExpr *Construct = valueTaskConstruction(Init);
  return Construct && writtenArgumentCount(*Construct) == 0;
}

EventMap collectConsumptionEvents(const Stmt *Body,
                                  llvm::ArrayRef<const VarDecl *> Tracked,
                                  const ValueTaskTypes &Types) {
  EventCollector Collector(Tracked, Types);
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  return Collector.take();
}

} // namespace clang::tidy::valuetask
