//===--- ConsumptionEvents.cpp - what a statement does to a tracked task -===//
//
// Every mention of a tracked variable is classified by what surrounds it,
// top-down, by the visitor below. A mention the visitor cannot place (a move
// into something a template has not resolved yet, say) still ends in a
// rule: moved away is consumed, and an lvalue handed to something unknown
// has escaped. So code nobody here wrote cannot make the analysis believe a
// task is still owned after it was given away.
//
//===----------------------------------------------------------------------===//

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

/// Every declaration a call may resolve to: its callee, or in a template
/// every candidate of the unresolved name.
llvm::SmallVector<const NamedDecl *, 2> calleeCandidates(const CallExpr &Call) {
  if (const Decl *Callee = Call.getCalleeDecl())
    if (const auto *Named = dyn_cast<NamedDecl>(Callee))
      return {Named};
  llvm::SmallVector<const NamedDecl *, 2> Candidates;
  if (const auto *Lookup =
          dyn_cast<OverloadExpr>(Call.getCallee()->IgnoreParenImpCasts()))
    for (const NamedDecl *D : Lookup->decls())
      Candidates.push_back(D->getUnderlyingDecl());
  return Candidates;
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
  llvm::SmallVector<const NamedDecl *, 2> Candidates = calleeCandidates(Call);
  return !Candidates.empty() &&
         llvm::all_of(Candidates, [&](const NamedDecl *D) {
           const FunctionDecl *Function = D->getAsFunction();
           return Function && isStdFunctionNamed(Function, Names);
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

bool isMoved(const Expr *E) {
  bool Moved = false;
  stripValueCategory(E, &Moved);
  return Moved;
}

const DeclRefExpr *referenceOf(const Expr *E) {
  return dyn_cast_or_null<DeclRefExpr>(stripValueCategory(E));
}

/// What binding an argument to a parameter of \p ParamType does to the
/// variable: a `T&&` parameter takes it over, a non-const `T&` may do
/// anything with it, a `const T&` only looks, a by-value parameter is
/// initialised by a constructor (an event of its own).
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

/// Construction of a task object from the arguments \p Args, looked
/// through the wrappers a declaration or a cast puts around it.
struct Construction {
  llvm::SmallVector<const Expr *, 2> WrittenArgs;
  bool IsCopyOrMove = false;
};

std::optional<Construction> constructionOf(const Expr *Init) {
  if (!Init)
    return Construction{};
  Init = Init->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = Cast->getSubExpr()->IgnoreImplicit();
  Construction Result;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
    for (const Expr *Arg : Construct->arguments())
      if (!isa<CXXDefaultArgExpr>(Arg))
        Result.WrittenArgs.push_back(Arg);
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    Result.IsCopyOrMove =
        Constructor && Constructor->isCopyOrMoveConstructor();
    return Result;
  }
  // In a template: `T v{}`, `T v(x)`, `T{x}` before any constructor is
  // chosen.
  if (const auto *Unresolved = dyn_cast<CXXUnresolvedConstructExpr>(Init)) {
    Result.WrittenArgs.append(Unresolved->arg_begin(), Unresolved->arg_end());
    return Result;
  }
  if (const auto *List = dyn_cast<InitListExpr>(Init)) {
    for (const Expr *Arg : List->inits())
      Result.WrittenArgs.push_back(Arg);
    return Result;
  }
  if (const auto *Parens = dyn_cast<ParenListExpr>(Init)) {
    for (const Expr *Arg : const_cast<ParenListExpr *>(Parens)->exprs())
      Result.WrittenArgs.push_back(Arg);
    return Result;
  }
  return std::nullopt;
}

class EventCollector : public RecursiveASTVisitor<EventCollector> {
public:
  EventCollector(const TrackedVariables &Tracked, const TaskModels &Models)
      : Tracked(Tracked), Models(Models) {}

  EventMap take() {
    // A move the visitor placed nowhere still gives the value away.
    for (const auto &[Move, Reference] : Moves)
      if (!Explained.contains(Reference))
        if (const VarDecl *Var = Tracked.resolve(Reference))
          add(Move, EventKind::Consume, Var, Move->getBeginLoc());
    return std::move(Events);
  }

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
          if (const VarDecl *Target = Tracked.resolve(Var))
            add(Lambda, EventKind::Escape, Target, Capture.getLocation());
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }

  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    addAwait(Await, Await->getOperand(), Await->getKeywordLoc());
    return true;
  }

  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *Await) {
    addAwait(Await, Await->getOperand(), Await->getKeywordLoc());
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
        Tracked.resolve(Construct->getArg(0))) {
      Claimed.insert(Construct);
      Inner = Construct->getArg(0);
    }
    addIfTracked(Return, EventKind::Consume, Inner, Return->getReturnLoc());
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (isValueCategoryCall(*Call)) {
      if (isMoved(Call))
        if (const DeclRefExpr *Reference = referenceOf(Call->getArg(0)))
          Moves.emplace_back(Call, Reference);
      return true;
    }
    if (const std::optional<MemberCall> Member = namedMemberCall(*Call)) {
      addMemberCall(*Call, *Member);
      // The arguments of a member call are bound like any other call's.
    }
    llvm::SmallVector<const NamedDecl *, 2> Candidates = calleeCandidates(*Call);
    const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
    if (isStdFunctionNamed(Callee, {"addressof"})) {
      for (const Expr *Arg : Call->arguments())
        addIfTracked(Arg, EventKind::Escape, Arg, Arg->getBeginLoc());
      return true;
    }
    const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
    if (Operator && Operator->getOperator() == OO_Coawait)
      return true;
    unsigned FirstParamArg = 0;
    if (isa<CXXMemberCallExpr>(Call))
      FirstParamArg = 0;
    else if (Operator && isa_and_nonnull<CXXMethodDecl>(Callee) &&
             !cast<CXXMethodDecl>(Callee)->isExplicitObjectMemberFunction()) {
      FirstParamArg = 1;
      addMemberOperatorObjectEvents(Operator, cast<CXXMethodDecl>(Callee));
    }
    // The reset comes first: it reads what a moved-from source held before
    // the move consumes it.
    if (Operator && Operator->getOperator() == OO_Equal &&
        Operator->getNumArgs() == 2) {
      addReassign(Operator, Operator->getArg(0), Operator->getArg(1),
                  Operator->getOperatorLoc());
      // `t = std::move(t)`: move assignment to itself changes nothing.
      if (isSelfAssignment(Operator->getArg(0), Operator->getArg(1))) {
        explain(Operator->getArg(1));
        return true;
      }
    }
    for (unsigned I = FirstParamArg; I < Call->getNumArgs(); ++I)
      addArgument(*Call, Candidates, Callee, I - FirstParamArg,
                  Call->getArg(I));
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (Claimed.contains(Construct))
      return true;
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I) {
      const Expr *Arg = Construct->getArg(I);
      if (!Constructor || I >= Constructor->getNumParams()) {
        explain(Arg);
        continue;
      }
      std::optional<EventKind> Kind =
          bindingEvent(Constructor->getParamDecl(I)->getType());
      if (Kind)
        addIfTracked(Construct, *Kind, Arg, Arg->getBeginLoc());
      else
        explain(Arg);
    }
    return true;
  }

  /// `Holder<T>(std::move(v))`, `T{v}`: a template has not chosen the
  /// constructor yet. A moved argument is taken over; an lvalue may be
  /// bound to a non-const reference.
  bool VisitCXXUnresolvedConstructExpr(CXXUnresolvedConstructExpr *Construct) {
    for (const Expr *Arg : Construct->arguments())
      addUnknownBinding(Construct, Arg);
    return true;
  }
  bool VisitParenListExpr(ParenListExpr *List) {
    for (const Expr *Arg : List->exprs())
      addUnknownBinding(List, Arg);
    return true;
  }
  bool VisitInitListExpr(InitListExpr *List) {
    if (!List->isTypeDependent() && !List->isValueDependent())
      return true;
    for (const Expr *Arg : List->inits())
      addUnknownBinding(List, Arg);
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
    // A reference that only renames a tracked variable is followed as that
    // variable; any other reference bound to it is an alias we lose.
    if (Var->getType()->isReferenceType()) {
      if (Tracked.isAlias(Var))
        explain(Init);
      else
        addIfTracked(Init, EventKind::Escape, Init, Var->getLocation());
    }
    // In a template the move constructor is not chosen yet: the
    // initialization itself takes the value over.
    else if (Init->isTypeDependent())
      addIfTracked(Init, isMoved(Init) || !Init->isLValue()
                             ? EventKind::Consume
                             : EventKind::Escape,
                   Init, Init->getBeginLoc());
    return true;
  }

  /// `v = x` and `w = std::move(v)` while the types are still dependent
  /// (otherwise they are operator calls, see VisitCallExpr).
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() != BO_Assign)
      return true;
    addReassign(Assign, Assign->getLHS(), Assign->getRHS(),
                Assign->getOperatorLoc());
    if (isSelfAssignment(Assign->getLHS(), Assign->getRHS()))
      explain(Assign->getRHS());
    else
      addUnknownBinding(Assign, Assign->getRHS());
    return true;
  }

private:
  void addAwait(const Stmt *Await, const Expr *Operand, SourceLocation Loc) {
    const VarDecl *Var = Tracked.resolve(Operand);
    if (!Var)
      return;
    explain(Operand);
    bool Transfers = isMoved(Operand) || Tracked.model(Var).LvalueAwaitConsumes;
    add(Await, EventKind::Await, Var, Loc, Transfers);
  }

  void addMemberCall(const CallExpr &Call, const MemberCall &Member) {
    const VarDecl *Var = Tracked.resolve(Member.Object);
    if (!Var)
      return;
    explain(Member.Object);
    const TaskModel &Model = Tracked.model(Var);
    if (const MemberRule *Rule = Model.member(Member.Name)) {
      switch (Rule->Effect) {
      case MemberEffect::Consume:
      case MemberEffect::ConsumeWaiting:
        add(&Call, EventKind::Consume, Var, Member.NameLoc, true, Member.Name);
        return;
      case MemberEffect::ConsumeRequiringCompletion:
        add(&Call, EventKind::Result, Var, Member.NameLoc, true, Member.Name);
        return;
      case MemberEffect::ReadRequiringCompletion:
        add(&Call, EventKind::Read, Var, Member.NameLoc, false, Member.Name);
        return;
      case MemberEffect::Start:
        add(&Call, EventKind::Start, Var, Member.NameLoc, false, Member.Name);
        return;
      case MemberEffect::Wait:
        add(&Call, EventKind::Wait, Var, Member.NameLoc, false, Member.Name);
        return;
      case MemberEffect::Observe:
        add(&Call, EventKind::Observe, Var, Member.NameLoc, false, Member.Name);
        return;
      case MemberEffect::CompletionQuery:
        return;
      }
    }
    // A member only callable on an rvalue takes the value over; so does any
    // member a template calls on a moved task.
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getCalleeDecl());
    bool RvalueOnly = Method && Method->getRefQualifier() == RQ_RValue;
    if (RvalueOnly || (!Method && isMoved(Member.Object)))
      add(&Call, EventKind::Consume, Var, Member.NameLoc, true, Member.Name);
  }

  void addArgument(const CallExpr &Call,
                   llvm::ArrayRef<const NamedDecl *> Candidates,
                   const FunctionDecl *Callee, unsigned ParamIndex,
                   const Expr *Arg) {
    const VarDecl *Var = Tracked.resolve(Arg);
    if (!Var)
      return;
    explain(Arg);
    const TaskModel &Model = Tracked.model(Var);
    bool Moved = isMoved(Arg);
    if (!Candidates.empty() &&
        llvm::all_of(Candidates, [&](const NamedDecl *Candidate) {
          return Models.isConsumingFunction(Candidate, Model);
        })) {
      // sync_wait(t) on a re-awaitable task awaits it in place.
      bool Transfers = Moved || Model.LvalueAwaitConsumes;
      StringRef Name = Candidates.front()->getIdentifier()
                           ? Candidates.front()->getName()
                           : StringRef();
      add(&Call, EventKind::Consume, Var, Arg->getBeginLoc(), Transfers, Name);
      return;
    }
    if (!Callee) {
      // An unknown callee (a dependent name, a function pointer): a moved
      // argument is taken over, an lvalue is handed out.
      add(&Call, Moved ? EventKind::Consume : EventKind::Escape, Var,
          Arg->getBeginLoc());
      return;
    }
    if (ParamIndex >= Callee->getNumParams())
      return; // C variadic: passed by value, a constructor event of its own.
    if (std::optional<EventKind> Kind =
            bindingEvent(Callee->getParamDecl(ParamIndex)->getType()))
      add(&Call, *Kind, Var, Arg->getBeginLoc());
  }

  void addUnknownBinding(const Stmt *Anchor, const Expr *Arg) {
    const VarDecl *Var = Tracked.resolve(Arg);
    if (!Var)
      return;
    explain(Arg);
    add(Anchor, isMoved(Arg) ? EventKind::Consume : EventKind::Escape, Var,
        Arg->getBeginLoc());
  }

  bool isSelfAssignment(const Expr *Target, const Expr *Value) const {
    const VarDecl *Var = Tracked.resolve(Target);
    return Var && Var == Tracked.resolve(Value);
  }

  void addReassign(const Stmt *Anchor, const Expr *Target, const Expr *Value,
                   SourceLocation Loc) {
    const VarDecl *Var = Tracked.resolve(Target);
    if (!Var)
      return;
    explain(Target);
    bool Ready = initialValue(Value, Tracked.model(Var), Models) ==
                 InitialValue::ReadyOrEmpty;
    add(Anchor, EventKind::Reassign, Var, Loc, true, {}, Ready,
        Tracked.resolve(Value));
  }

  /// `v = x` resets v (see VisitCallExpr); other member operators called
  /// on an rvalue task (`std::move(v) op x`) consume it.
  void addMemberOperatorObjectEvents(const CXXOperatorCallExpr *Operator,
                                     const CXXMethodDecl *Method) {
    if (Operator->getOperator() != OO_Equal &&
        Method->getRefQualifier() == RQ_RValue)
      addIfTracked(Operator, EventKind::Consume, Operator->getArg(0),
                   Operator->getOperatorLoc());
  }

  void addIfTracked(const Stmt *Anchor, EventKind Kind, const Expr *Operand,
                    SourceLocation Loc) {
    if (const VarDecl *Var = Tracked.resolve(Operand)) {
      explain(Operand);
      add(Anchor, Kind, Var, Loc);
    }
  }

  /// The mention inside \p Operand has been placed: its move, if any, is
  /// accounted for.
  void explain(const Expr *Operand) {
    if (const DeclRefExpr *Reference = referenceOf(Operand))
      Explained.insert(Reference);
  }

  void add(const Stmt *Anchor, EventKind Kind, const VarDecl *Var,
           SourceLocation Loc, bool Transfers = true,
           StringRef Operation = {}, bool NewValueReady = false,
           const VarDecl *From = nullptr) {
    auto &AtAnchor = Events[Anchor];
    for (const ConsumptionEvent &Existing : AtAnchor)
      if (Existing.Var == Var && Existing.Kind == Kind)
        return;
    AtAnchor.push_back(
        {Kind, Var, Loc, Transfers, NewValueReady, From, Operation});
  }

  const TrackedVariables &Tracked;
  const TaskModels &Models;
  llvm::SmallPtrSet<const CXXConstructExpr *, 4> Claimed;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> Explained;
  std::vector<std::pair<const CallExpr *, const DeclRefExpr *>> Moves;
  EventMap Events;
};

} // namespace

const VarDecl *TrackedVariables::resolve(const VarDecl *Var) const {
  for (unsigned Hops = 0; Var && Hops < 8; ++Hops) {
    if (Models.count(Var))
      return Var;
    Var = Aliases.lookup(Var);
  }
  return nullptr;
}

const VarDecl *TrackedVariables::resolve(const Expr *E) const {
  return resolve(referencedVariable(E));
}

std::optional<MemberCall> namedMemberCall(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    return MemberCall{Member->getImplicitObjectArgument(), Method->getName(),
                      Member->getExprLoc()};
  }
  const Expr *Callee = Call.getCallee()->IgnoreParens();
  if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    if (Dependent->isImplicitAccess() || !Dependent->getMember().isIdentifier())
      return std::nullopt;
    return MemberCall{Dependent->getBase(),
                      Dependent->getMember().getAsIdentifierInfo()->getName(),
                      Dependent->getMemberLoc()};
  }
  // `v.get()` on `vt::ValueTask<T> v` in a template: a member of the
  // current instantiation's dependent base, or an overload set.
  if (const auto *Unresolved = dyn_cast<UnresolvedMemberExpr>(Callee)) {
    if (Unresolved->isImplicitAccess() || !Unresolved->getName().isIdentifier())
      return std::nullopt;
    return MemberCall{Unresolved->getBase(),
                      Unresolved->getName().getAsIdentifierInfo()->getName(),
                      Unresolved->getMemberLoc()};
  }
  return std::nullopt;
}

const VarDecl *referencedVariable(const Expr *E) {
  const DeclRefExpr *Ref = referenceOf(E);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

InitialValue initialValue(const Expr *Init, const TaskModel &Model,
                          const TaskModels &Models) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(
          Init ? stripValueCategory(Init->IgnoreImplicit()) : nullptr)) {
    llvm::SmallVector<const NamedDecl *, 2> Candidates = calleeCandidates(*Call);
    bool Ready = !Candidates.empty() &&
                 llvm::all_of(Candidates, [&](const NamedDecl *Candidate) {
                   return Models.isReadyFactory(Candidate, Model);
                 });
    return Ready ? InitialValue::ReadyOrEmpty : InitialValue::Pending;
  }
  std::optional<Construction> Built = constructionOf(Init);
  if (!Built)
    return InitialValue::Pending;
  if (Built->WrittenArgs.empty())
    return InitialValue::ReadyOrEmpty;
  if (Built->WrittenArgs.size() != 1 || Built->IsCopyOrMove ||
      !Model.ValueConstructorIsReady)
    return InitialValue::Pending;
  // A task or another value task (or, in a template, an argument of a type
  // not known yet) may be pending; a plain value is ready.
  const Expr *Arg = Built->WrittenArgs.front();
  QualType ArgType = Arg->getType();
  if (Arg->isTypeDependent() || ArgType.isNull() || Models.modelOf(ArgType))
    return InitialValue::Pending;
  return InitialValue::ReadyOrEmpty;
}

bool isNoReturnCall(const Stmt *S) {
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  if (!Call)
    return false;
  llvm::SmallVector<const NamedDecl *, 2> Candidates = calleeCandidates(*Call);
  return !Candidates.empty() &&
         llvm::all_of(Candidates, [](const NamedDecl *D) {
           const FunctionDecl *Function = D->getAsFunction();
           return Function && Function->isNoReturn();
         });
}

EventMap collectConsumptionEvents(const Stmt *Body,
                                  const TrackedVariables &Tracked,
                                  const TaskModels &Models) {
  EventCollector Collector(Tracked, Models);
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  return Collector.take();
}

} // namespace clang::tidy::valuetask
