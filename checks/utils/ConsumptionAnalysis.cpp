//===--- ConsumptionAnalysis.cpp - flow-sensitive task consumption -------===//
//
// The analysis, in steps:
//  1. Track every local task variable of the function whose model is not
//     shareable (declared in its own body, not in a nested lambda), every
//     by-value and reference parameter, every variable a lambda captures,
//     and the local references that only rename one of them.
//  2. Track the scalar locals (bool, integers, enums) the function branches
//     on, unless their address escapes, a reference binds to them or a
//     lambda captures them: their values split the state into partitions
//     (ConsumptionState.h).
//  3. Collect the events on the task variables (ConsumptionEvents.h), keyed
//     by the statement that performs each one.
//  4. Build the CFG of the body the user wrote (for a coroutine, without
//     the compiler's suspends), with implicit destructors and lifetime ends
//     (where a local leaves its scope) and every sub-expression as an
//     element, so the element order inside a block is the evaluation order.
//  5. Solve: a worklist of blocks; a block's entry state is the join of its
//     predecessors' exit states. On a two-way branch each partition goes to
//     the edges its condition allows: the condition is evaluated with the
//     partition's scalars, and a completion query (`v.is_completed()`) in it
//     splits the partition into "complete" and "not known complete"; so
//     does one stored into a scalar. A try block's handlers are entered from
//     every point of the try block (the CFG has no exception edges), with
//     "maybe unconsumed" dropped: paths taken only because of an exception
//     do not count as leaking a task. A call that never returns (also an
//     unresolved one in a template, as glibc's assert makes) ends its path.
//  6. Report: replay every reachable block once from its fixpoint entry
//     state, handing the transfer a reporter, and record each finding once.
//
//===----------------------------------------------------------------------===//

#include "utils/ConsumptionAnalysis.h"
#include "utils/ConsumptionEvents.h"
#include "utils/ConsumptionState.h"
#include "utils/SpelledValueTask.h"
#include "utils/WrittenBodyCFG.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include <deque>
#include <optional>

namespace clang::tidy::valuetask {
namespace {

/// A generous bound on block visits per block: a loop with a constant trip
/// count is unrolled up to FlowState::MaxPartitions times, and the lattice
/// is finite, so hitting it means a bug; the function is then analysed again
/// without scalars, and skipped if even that does not settle.
constexpr unsigned MaxBlockVisitsPerBlock = 96;
constexpr unsigned MaxTrackedScalars = 8;
/// Completion queries one condition may split on (2^N partitions).
constexpr unsigned MaxSplitQueries = 2;

// ---- Step 1: the task variables ------------------------------------------

class TrackedVariableCollector
    : public RecursiveASTVisitor<TrackedVariableCollector> {
public:
  TrackedVariableCollector(const FunctionDecl &Function,
                           const TaskModels &Models)
      : Function(Function), Models(Models) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    // Only the captures are evaluated here.
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }

  /// Invalid code (a recovery expression anywhere) is not analysed.
  bool VisitExpr(Expr *E) {
    HasErrors |= E->containsErrors();
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    HasErrors |= Var->isInvalidDecl();
    if (isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
        Var->getDeclContext() != &Function)
      return true;
    if (const TaskModel *Model = ownedModel(Var))
      Tracked.add(Var, *Model);
    else if (Var->getType()->isReferenceType())
      if (const VarDecl *Target = Tracked.resolve(Var->getInit()))
        Tracked.addAlias(Var, Target);
    return true;
  }

  /// In a lambda's own analysis: a variable of the enclosing function.
  bool VisitDeclRefExpr(DeclRefExpr *Reference) {
    const auto *Var = dyn_cast<VarDecl>(Reference->getDecl());
    if (!Var || !Reference->refersToEnclosingVariableOrCapture() ||
        Var->getDeclContext() == &Function || Tracked.resolve(Var))
      return true;
    if (const TaskModel *Model = ownedModel(Var)) {
      Tracked.add(Var, *Model);
      EntryUnknown.push_back(Var);
    }
    return true;
  }

  TrackedVariables collect(std::vector<const VarDecl *> &Unknown) {
    for (const ParmVarDecl *Param : Function.parameters()) {
      QualType Type = Param->getType();
      if (const TaskModel *Model = ownedModel(Param)) {
        Tracked.add(Param, *Model);
      } else if (Type->isReferenceType()) {
        if (const TaskModel *Model = modelOfSpelled(Type.getNonReferenceType())) {
          Tracked.add(Param, *Model);
          EntryUnknown.push_back(Param);
        }
      }
    }
    TraverseStmt(Function.getBody());
    if (HasErrors)
      return {};
    Unknown = std::move(EntryUnknown);
    return std::move(Tracked);
  }

private:
  /// The model of a variable that owns its task: not a reference, except
  /// one that extends a temporary's life.
  const TaskModel *ownedModel(const VarDecl *Var) const {
    QualType Type = Var->getType();
    if (Var->isInvalidDecl() ||
        (Type->isReferenceType() && !ownsTemporary(Var)))
      return nullptr;
    if (const TaskModel *Model = modelOfSpelled(Type.getNonReferenceType()))
      return Model;
    return deducedFromTaskCall(Var);
  }

  const TaskModel *modelOfSpelled(QualType Type) const {
    if (!isSpelledTask(Type, Models))
      return nullptr;
    return Models.trackedModel(Type);
  }

  /// `auto v = make(value);` in a template: the call is not resolved yet,
  /// but every function it can call returns the same task type.
  const TaskModel *deducedFromTaskCall(const VarDecl *Var) const {
    const auto *Call = dyn_cast_or_null<CallExpr>(
        Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
    if (!Var->getType()->isUndeducedAutoType() || !Call)
      return nullptr;
    const TaskModel *Model = modelReturnedBy(*Call, Models);
    return Model && Model->Kind != TaskKind::Shareable ? Model : nullptr;
  }

  /// `auto &&v = fetch();` keeps the temporary alive as long as v: v owns
  /// that task just like a plain local would.
  static bool ownsTemporary(const VarDecl *Var) {
    const auto *Temporary = dyn_cast_or_null<MaterializeTemporaryExpr>(
        Var->getInit() ? Var->getInit()->IgnoreParens() : nullptr);
    if (const auto *Cleanups =
            dyn_cast_or_null<ExprWithCleanups>(Var->getInit()))
      Temporary = dyn_cast<MaterializeTemporaryExpr>(
          Cleanups->getSubExpr()->IgnoreParens());
    return Temporary && Temporary->getExtendingDecl() == Var;
  }

  const FunctionDecl &Function;
  const TaskModels &Models;
  TrackedVariables Tracked;
  std::vector<const VarDecl *> EntryUnknown;
  bool HasErrors = false;
};

// ---- Step 2: the scalars -------------------------------------------------

/// The scalar locals worth partitioning on, and the statements that write
/// them.
class ScalarCollector : public RecursiveASTVisitor<ScalarCollector> {
public:
  ScalarCollector(const FunctionDecl &Function, const ParentMap &Parents)
      : Function(Function), Parents(Parents) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  std::vector<const VarDecl *> collect(const Stmt *Body) {
    TraverseStmt(const_cast<Stmt *>(Body));
    std::vector<const VarDecl *> Result;
    for (const VarDecl *Var : Conditional)
      if (!Disqualified.contains(Var) && Result.size() < MaxTrackedScalars)
        Result.push_back(Var);
    return Result;
  }

  bool VisitIfStmt(IfStmt *If) { return markCondition(If->getCond()); }
  bool VisitWhileStmt(WhileStmt *While) {
    return markCondition(While->getCond());
  }
  bool VisitForStmt(ForStmt *For) { return markCondition(For->getCond()); }
  bool VisitDoStmt(DoStmt *Do) { return markCondition(Do->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *Conditional) {
    return markCondition(Conditional->getCond());
  }
  bool VisitBinaryOperator(BinaryOperator *Operator) {
    if (Operator->isLogicalOp())
      markCondition(Operator->getLHS());
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Reference) {
    const auto *Var = dyn_cast<VarDecl>(Reference->getDecl());
    if (!Var || !isCandidate(Var))
      return true;
    if (Reference->refersToEnclosingVariableOrCapture() || !isPlainUse(Reference))
      Disqualified.insert(Var);
    return true;
  }

private:
  bool isCandidate(const VarDecl *Var) const {
    QualType Type = Var->getType();
    return Var->hasLocalStorage() && !Type.isVolatileQualified() &&
           !Type->isDependentType() && Type->isIntegralOrEnumerationType() &&
           (Var->getDeclContext() == &Function ||
            (isa<ParmVarDecl>(Var) &&
             cast<ParmVarDecl>(Var)->getDeclContext() == &Function));
  }

  /// Read as a value, assigned, incremented: nothing that could write it
  /// behind the analysis's back.
  bool isPlainUse(const DeclRefExpr *Reference) const {
    const Stmt *Child = Reference;
    const Stmt *Parent = Parents.getParent(Reference);
    while (Parent && isa<ParenExpr>(Parent)) {
      Child = Parent;
      Parent = Parents.getParent(Parent);
    }
    if (!Parent)
      return false;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent))
      return Cast->getCastKind() == CK_LValueToRValue;
    if (const auto *Operator = dyn_cast<BinaryOperator>(Parent))
      return Operator->isAssignmentOp() && Operator->getLHS() == Child;
    if (const auto *Operator = dyn_cast<UnaryOperator>(Parent))
      return Operator->isIncrementDecrementOp();
    return false;
  }

  bool markCondition(const Expr *Condition) {
    if (!Condition)
      return true;
    llvm::SmallVector<const Stmt *, 8> Pending{Condition};
    while (!Pending.empty()) {
      const Stmt *S = Pending.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *Reference = dyn_cast<DeclRefExpr>(S))
        if (const auto *Var = dyn_cast<VarDecl>(Reference->getDecl());
            Var && isCandidate(Var) && !llvm::is_contained(Conditional, Var))
          Conditional.push_back(Var);
      Pending.append(S->child_begin(), S->child_end());
    }
    return true;
  }

  const FunctionDecl &Function;
  const ParentMap &Parents;
  std::vector<const VarDecl *> Conditional;
  llvm::DenseSet<const VarDecl *> Disqualified;
};

/// `v.is_completed()` and its kin on a tracked variable: a bool-valued
/// completion query of the variable's model.
const VarDecl *completionQueryTarget(const Expr *E,
                                     const TrackedVariables &Tracked) {
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  std::optional<MemberCall> Query = Call ? namedMemberCall(*Call) : std::nullopt;
  if (!Query)
    return nullptr;
  const VarDecl *Var = Tracked.resolve(Query->Object);
  if (!Var)
    return nullptr;
  const MemberRule *Rule = Tracked.model(Var).member(Query->Name);
  if (!Rule || Rule->Effect != MemberEffect::CompletionQuery)
    return nullptr;
  QualType Type = Call->getType();
  return Type->isBooleanType() || Type->isDependentType() ? Var : nullptr;
}

// ---- Evaluating conditions in a partition --------------------------------

/// "Assume the completion query on task variable Var answers Complete."
struct Assumption {
  unsigned Var;
  bool Complete;
};

class Evaluator {
public:
  Evaluator(ASTContext &Context, const TrackedVariables &Tracked,
            const llvm::DenseMap<const VarDecl *, unsigned> &TaskIndex,
            const llvm::DenseMap<const VarDecl *, unsigned> &ScalarIndex)
      : Context(Context), Tracked(Tracked), TaskIndex(TaskIndex),
        ScalarIndex(ScalarIndex) {}

  /// The integer value of \p E on the paths of \p P, under \p Assumed.
  std::optional<int64_t> evaluate(const Expr *E, const Partition &P,
                                  llvm::ArrayRef<Assumption> Assumed) const {
    if (!E)
      return std::nullopt;
    E = E->IgnoreParens();
    if (const auto *Full = dyn_cast<FullExpr>(E))
      return evaluate(Full->getSubExpr(), P, Assumed);
    if (const auto *Literal = dyn_cast<IntegerLiteral>(E))
      return Literal->getValue().getActiveBits() < 63
                 ? std::optional<int64_t>(Literal->getValue().getZExtValue())
                 : std::nullopt;
    if (const auto *Literal = dyn_cast<CXXBoolLiteralExpr>(E))
      return Literal->getValue() ? 1 : 0;
    if (const auto *Literal = dyn_cast<CharacterLiteral>(E))
      return Literal->getValue();
    if (const auto *Cast = dyn_cast<CastExpr>(E))
      return evaluateCast(*Cast, P, Assumed);
    if (const auto *Reference = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Var = dyn_cast<VarDecl>(Reference->getDecl()))
        if (auto It = ScalarIndex.find(Var); It != ScalarIndex.end())
          return P.Scalars[It->second];
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E))
      return evaluateUnary(*Unary, P, Assumed);
    if (const auto *Binary = dyn_cast<BinaryOperator>(E))
      return evaluateBinary(*Binary, P, Assumed);
    if (const auto *Conditional = dyn_cast<ConditionalOperator>(E)) {
      std::optional<int64_t> Condition =
          evaluate(Conditional->getCond(), P, Assumed);
      if (Condition)
        return evaluate(*Condition ? Conditional->getTrueExpr()
                                   : Conditional->getFalseExpr(),
                        P, Assumed);
      std::optional<int64_t> True =
          evaluate(Conditional->getTrueExpr(), P, Assumed);
      return True == evaluate(Conditional->getFalseExpr(), P, Assumed)
                 ? True
                 : std::nullopt;
    }
    if (const VarDecl *Var = completionQueryTarget(E, Tracked)) {
      unsigned Index = TaskIndex.lookup(Var);
      for (const Assumption &A : Assumed)
        if (A.Var == Index)
          return A.Complete ? 1 : 0;
      return P.Vars[Index].KnownComplete ? std::optional<int64_t>(1)
                                         : std::nullopt;
    }
    return constant(E);
  }

  /// The tracked task variables whose completion \p E asks about.
  void queries(const Expr *E, llvm::SmallVectorImpl<unsigned> &Vars) const {
    llvm::SmallVector<const Stmt *, 8> Pending{E};
    while (!Pending.empty()) {
      const Stmt *S = Pending.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *Sub = dyn_cast<Expr>(S))
        if (const VarDecl *Var = completionQueryTarget(Sub, Tracked)) {
          unsigned Index = TaskIndex.lookup(Var);
          if (!llvm::is_contained(Vars, Index))
            Vars.push_back(Index);
          continue;
        }
      Pending.append(S->child_begin(), S->child_end());
    }
  }

  bool mentionsScalar(const Expr *E) const {
    if (ScalarIndex.empty())
      return false;
    llvm::SmallVector<const Stmt *, 8> Pending{E};
    while (!Pending.empty()) {
      const Stmt *S = Pending.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *Reference = dyn_cast<DeclRefExpr>(S))
        if (const auto *Var = dyn_cast<VarDecl>(Reference->getDecl());
            Var && ScalarIndex.count(Var))
          return true;
      Pending.append(S->child_begin(), S->child_end());
    }
    return false;
  }

private:
  std::optional<int64_t> evaluateCast(const CastExpr &Cast, const Partition &P,
                                      llvm::ArrayRef<Assumption> Assumed) const {
    switch (Cast.getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp:
    case CK_IntegralCast:
    case CK_IntegralToBoolean:
    case CK_Dependent:
      break;
    default:
      return constant(&Cast);
    }
    std::optional<int64_t> Value = evaluate(Cast.getSubExpr(), P, Assumed);
    if (Value && Cast.getType()->isBooleanType())
      return *Value != 0 ? 1 : 0;
    return Value;
  }

  std::optional<int64_t> evaluateUnary(const UnaryOperator &Unary,
                                       const Partition &P,
                                       llvm::ArrayRef<Assumption> Assumed) const {
    std::optional<int64_t> Value = evaluate(Unary.getSubExpr(), P, Assumed);
    if (!Value)
      return std::nullopt;
    // The CFG evaluated the operand's side effect already: a postfix
    // operator's value is the one before it.
    switch (Unary.getOpcode()) {
    case UO_LNot:
      return *Value == 0 ? 1 : 0;
    case UO_Minus:
      return *Value == INT64_MIN ? std::nullopt
                                 : std::optional<int64_t>(-*Value);
    case UO_Plus:
    case UO_PreInc:
    case UO_PreDec:
      return Value;
    case UO_Not:
      return ~*Value;
    case UO_PostInc:
      return *Value - 1;
    case UO_PostDec:
      return *Value + 1;
    default:
      return std::nullopt;
    }
  }

  std::optional<int64_t>
  evaluateBinary(const BinaryOperator &Binary, const Partition &P,
                 llvm::ArrayRef<Assumption> Assumed) const {
    if (Binary.isAssignmentOp())
      return evaluate(Binary.getLHS(), P, Assumed);
    if (Binary.getOpcode() == BO_Comma)
      return evaluate(Binary.getRHS(), P, Assumed);
    std::optional<int64_t> L = evaluate(Binary.getLHS(), P, Assumed);
    std::optional<int64_t> R = evaluate(Binary.getRHS(), P, Assumed);
    if (Binary.getOpcode() == BO_LAnd) {
      if ((L && *L == 0) || (R && *R == 0))
        return 0;
      return L && R ? std::optional<int64_t>(1) : std::nullopt;
    }
    if (Binary.getOpcode() == BO_LOr) {
      if ((L && *L != 0) || (R && *R != 0))
        return 1;
      return L && R ? std::optional<int64_t>(0) : std::nullopt;
    }
    if (!L || !R)
      return std::nullopt;
    int64_t Out = 0;
    switch (Binary.getOpcode()) {
    case BO_LT: return *L < *R;
    case BO_GT: return *L > *R;
    case BO_LE: return *L <= *R;
    case BO_GE: return *L >= *R;
    case BO_EQ: return *L == *R;
    case BO_NE: return *L != *R;
    case BO_And: return *L & *R;
    case BO_Or: return *L | *R;
    case BO_Xor: return *L ^ *R;
    case BO_Add:
      return __builtin_add_overflow(*L, *R, &Out) ? std::nullopt
                                                  : std::optional<int64_t>(Out);
    case BO_Sub:
      return __builtin_sub_overflow(*L, *R, &Out) ? std::nullopt
                                                  : std::optional<int64_t>(Out);
    case BO_Mul:
      return __builtin_mul_overflow(*L, *R, &Out) ? std::nullopt
                                                  : std::optional<int64_t>(Out);
    case BO_Div:
      return *R == 0 || (*L == INT64_MIN && *R == -1)
                 ? std::nullopt
                 : std::optional<int64_t>(*L / *R);
    case BO_Rem:
      return *R == 0 || (*L == INT64_MIN && *R == -1)
                 ? std::nullopt
                 : std::optional<int64_t>(*L % *R);
    default:
      return std::nullopt;
    }
  }

  /// A constant the compiler can fold: a constexpr variable, an enumerator,
  /// sizeof, a constexpr call.
  std::optional<int64_t> constant(const Expr *E) const {
    if (E->isValueDependent() || E->isTypeDependent() ||
        !E->getType()->isIntegralOrEnumerationType())
      return std::nullopt;
    Expr::EvalResult Result;
    if (!E->EvaluateAsInt(Result, Context, Expr::SE_NoSideEffects) ||
        Result.Val.getInt().getSignificantBits() > 64)
      return std::nullopt;
    return Result.Val.getInt().getExtValue();
  }

  ASTContext &Context;
  const TrackedVariables &Tracked;
  const llvm::DenseMap<const VarDecl *, unsigned> &TaskIndex;
  const llvm::DenseMap<const VarDecl *, unsigned> &ScalarIndex;
};

// ---- Findings ------------------------------------------------------------

/// Where a variable destroyed by \p Trigger leaves its scope.
SourceLocation scopeExitLocation(const Stmt *Trigger) {
  if (!Trigger)
    return {};
  if (const auto *Block = dyn_cast<CompoundStmt>(Trigger))
    return Block->getRBracLoc();
  if (isa<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt, GotoStmt>(Trigger))
    return Trigger->getBeginLoc();
  return Trigger->getEndLoc();
}

/// Records each finding once, however many partitions and replays reach it.
class Reporter {
public:
  Reporter(const SourceManager &Sources, const TrackedVariables &Tracked)
      : Sources(Sources), Tracked(Tracked) {}

  void doubleConsumption(const ConsumptionEvent &Event, const VarFacts &Facts) {
    if (Seen.insert({Event.Var, Event.Loc, FindingKind::Double}).second)
      Findings.DoubleConsumptions.push_back(
          {Event.Var, &Tracked.model(Event.Var), Event.Loc,
           earliest(Facts.FirstConsumptions)});
  }

  void resultBeforeCompletion(const ConsumptionEvent &Event) {
    if (Seen.insert({Event.Var, Event.Loc, FindingKind::BeforeCompletion})
            .second)
      Findings.ResultsBeforeCompletion.push_back(
          {Event.Var, &Tracked.model(Event.Var), Event.Loc, Event.Operation});
  }

  /// One finding per variable going out of scope; each overwrite apart.
  void unconsumed(const VarDecl *Var, SourceLocation Loc, bool Overwritten) {
    SourceLocation Key = Overwritten ? Loc : SourceLocation();
    if (Seen.insert({Var, Key, FindingKind::Unconsumed}).second)
      Findings.UnconsumedValues.push_back(
          {Var, &Tracked.model(Var), Loc, Overwritten});
  }

  ConsumptionFindings take() { return std::move(Findings); }

private:
  enum class FindingKind { Double, BeforeCompletion, Unconsumed };
  using Key = std::tuple<const VarDecl *, SourceLocation, FindingKind>;
  struct KeyInfo {
    static Key getEmptyKey() {
      return {llvm::DenseMapInfo<const VarDecl *>::getEmptyKey(), {},
              FindingKind::Double};
    }
    static Key getTombstoneKey() {
      return {llvm::DenseMapInfo<const VarDecl *>::getTombstoneKey(), {},
              FindingKind::Double};
    }
    static unsigned getHashValue(const Key &K) {
      return llvm::hash_combine(std::get<0>(K), std::get<1>(K).getRawEncoding(),
                                static_cast<int>(std::get<2>(K)));
    }
    static bool isEqual(const Key &A, const Key &B) { return A == B; }
  };

  SourceLocation earliest(llvm::ArrayRef<SourceLocation> Locs) const {
    SourceLocation Best = Locs.front();
    for (SourceLocation Loc : Locs.drop_front())
      if (Sources.isBeforeInTranslationUnit(Loc, Best))
        Best = Loc;
    return Best;
  }

  const SourceManager &Sources;
  const TrackedVariables &Tracked;
  llvm::DenseSet<Key, KeyInfo> Seen;
  ConsumptionFindings Findings;
};

// ---- Steps 5 and 6: the flow ---------------------------------------------

class ConsumptionFlow {
public:
  ConsumptionFlow(const CFG &Cfg, ASTContext &Context,
                  const TaskModels &Models, TrackedVariables Tracked,
                  llvm::ArrayRef<const VarDecl *> EntryUnknown,
                  llvm::ArrayRef<const VarDecl *> Scalars, EventMap Events,
                  const ParentMap &Parents)
      : Cfg(Cfg), Parents(Parents), Context(Context), Models(Models),
        Tracked(std::move(Tracked)), Events(std::move(Events)),
        Eval(Context, this->Tracked, TaskIndex, ScalarIndex),
        EntryStates(Cfg.getNumBlockIDs()) {
    for (const VarDecl *Var : this->Tracked.variables())
      TaskIndex.try_emplace(Var, TaskIndex.size());
    for (const VarDecl *Var : Scalars)
      ScalarIndex.try_emplace(Var, ScalarIndex.size());
    Partition Start;
    Start.Vars.resize(TaskIndex.size());
    Start.Scalars.resize(ScalarIndex.size());
    for (const VarDecl *Var : EntryUnknown)
      Start.Vars[TaskIndex.lookup(Var)].KnownComplete = true;
    Initial = FlowState::of(std::move(Start));
    for (const auto &[Synthetic, Source] : Cfg.synthetic_stmts())
      SyntheticSources[Synthetic] = Source;
    for (const CFGBlock *Block : Cfg)
      if (const auto *Try =
              dyn_cast_or_null<CXXTryStmt>(Block->getTerminatorStmt()))
        DispatchBlocks[Try] = Block;
  }

  /// The findings, or nullopt when the fixpoint was not reached in budget.
  std::optional<ConsumptionFindings> run() {
    if (!solve())
      return std::nullopt;
    Reporter Report(Context.getSourceManager(), Tracked);
    for (const CFGBlock *Block : Cfg)
      if (EntryStates[Block->getBlockID()])
        transferBlock(*Block, *EntryStates[Block->getBlockID()], &Report);
    return Report.take();
  }

private:
  bool solve() {
    mergeInto(Cfg.getEntry(), Initial);
    unsigned Budget = MaxBlockVisitsPerBlock * Cfg.getNumBlockIDs() + 64;
    while (!Worklist.empty()) {
      if (Budget-- == 0)
        return false;
      const CFGBlock *Block = Worklist.front();
      Worklist.pop_front();
      Queued.erase(Block);
      FlowState Exit =
          transferBlock(*Block, *EntryStates[Block->getBlockID()], nullptr);
      if (Exit.empty())
        continue;
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Successor : Block->succs()) {
        if (const CFGBlock *Next = Successor.getReachableBlock()) {
          FlowState OnEdge = isTryDispatch(*Next)
                                 ? thrown(Exit)
                                 : refineOnEdge(*Block, Index, Exit);
          if (!OnEdge.empty())
            mergeInto(*Next, OnEdge);
        }
        ++Index;
      }
    }
    return true;
  }

  void mergeInto(const CFGBlock &Block, const FlowState &State) {
    std::optional<FlowState> &Entry = EntryStates[Block.getBlockID()];
    if (!Entry) {
      Entry = State;
    } else {
      FlowState Joined = *Entry;
      Joined.join(State);
      if (Joined == *Entry)
        return;
      Entry = std::move(Joined);
    }
    if (Queued.insert(&Block).second)
      Worklist.push_back(&Block);
  }

  /// The condition a two-way branch at the end of \p From tests: its last
  /// element (if, loops, ?:, and each && / || step, which the CFG splits).
  const Expr *branchCondition(const CFGBlock &From) const {
    const Stmt *Terminator = From.getTerminatorStmt();
    if (From.succ_size() != 2 || !Terminator || isa<SwitchStmt>(Terminator) ||
        !From.getTerminator().isStmtBranch() || From.empty())
      return nullptr;
    std::optional<CFGStmt> Last = From.back().getAs<CFGStmt>();
    return Last ? dyn_cast<Expr>(Last->getStmt()) : nullptr;
  }

  struct ConditionFacts {
    bool Relevant = false;
    llvm::SmallVector<unsigned, 2> Queried;
  };

  const ConditionFacts &conditionFacts(const Expr *Condition) {
    auto [It, Inserted] = Conditions.try_emplace(Condition);
    if (Inserted) {
      Eval.queries(Condition, It->second.Queried);
      if (It->second.Queried.size() > MaxSplitQueries)
        It->second.Queried.resize(MaxSplitQueries);
      It->second.Relevant =
          !It->second.Queried.empty() || Eval.mentionsScalar(Condition);
    }
    return It->second;
  }

  /// Calls \p Visit with each way \p P splits under the completion queries
  /// \p Queried: the partition with the assumed completions applied, and
  /// the assumptions.
  template <typename Fn>
  void forEachSplit(const Partition &P, llvm::ArrayRef<unsigned> Queried,
                    Fn Visit) const {
    llvm::SmallVector<unsigned, 2> Open;
    for (unsigned Var : Queried)
      if (!P.Vars[Var].KnownComplete)
        Open.push_back(Var);
    for (unsigned Mask = 0; Mask < (1u << Open.size()); ++Mask) {
      Partition Split = P;
      llvm::SmallVector<Assumption, 2> Assumed;
      for (unsigned I = 0; I < Open.size(); ++I) {
        bool Complete = Mask & (1u << I);
        Assumed.push_back({Open[I], Complete});
        if (Complete)
          Split.Vars[Open[I]].KnownComplete = true;
      }
      Visit(std::move(Split), llvm::ArrayRef<Assumption>(Assumed));
    }
  }

  FlowState refineOnEdge(const CFGBlock &From, unsigned SuccessorIndex,
                         const FlowState &State) {
    const Expr *Condition = branchCondition(From);
    if (!Condition)
      return State;
    const ConditionFacts &Facts = conditionFacts(Condition);
    if (!Facts.Relevant)
      return State;
    bool TrueEdge = SuccessorIndex == 0;
    FlowState Out;
    for (const Partition &P : State.partitions())
      forEachSplit(P, Facts.Queried,
                   [&](Partition Split, llvm::ArrayRef<Assumption> Assumed) {
                     std::optional<int64_t> Value =
                         Eval.evaluate(Condition, Split, Assumed);
                     if (!Value || (*Value != 0) == TrueEdge)
                       Out.add(std::move(Split));
                   });
    Out.widen();
    return Out;
  }

  FlowState transferBlock(const CFGBlock &Block, FlowState State,
                          Reporter *Report) {
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
      if (Statement && !Report)
        feedHandlers(Statement->getStmt(), State);
      if (Statement && isNoReturnCall(Statement->getStmt()))
        return FlowState();
      for (Partition &P : State.partitionsForFacts())
        transferElement(Element, P, Report);
      if (const VarDecl *Scalar = scalarWrittenBy(Element))
        State = writeScalar(Element, *Scalar, State);
      if (Statement && !Report)
        feedHandlers(Statement->getStmt(), State);
    }
    return State;
  }

  /// The tracked scalar \p Element gives a new value (or ends), if any.
  const VarDecl *scalarWrittenBy(const CFGElement &Element) const {
    if (ScalarIndex.empty())
      return nullptr;
    const VarDecl *Var = nullptr;
    if (std::optional<CFGLifetimeEnds> End = Element.getAs<CFGLifetimeEnds>())
      Var = End->getVarDecl();
    else if (std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>())
      Var = scalarTarget(Statement->getStmt());
    return Var && ScalarIndex.count(Var) ? Var : nullptr;
  }

  static const VarDecl *scalarTarget(const Stmt *S) {
    const Expr *Target = nullptr;
    if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
      return Declaration->isSingleDecl()
                 ? dyn_cast<VarDecl>(Declaration->getSingleDecl())
                 : nullptr;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(S);
        Binary && Binary->isAssignmentOp())
      Target = Binary->getLHS();
    else if (const auto *Unary = dyn_cast<UnaryOperator>(S);
             Unary && Unary->isIncrementDecrementOp())
      Target = Unary->getSubExpr();
    const auto *Reference =
        dyn_cast_or_null<DeclRefExpr>(Target ? Target->IgnoreParens() : nullptr);
    return Reference ? dyn_cast<VarDecl>(Reference->getDecl()) : nullptr;
  }

  /// The partitions after \p Element writes \p Var: its new value in each,
  /// split where a completion query decides it.
  FlowState writeScalar(const CFGElement &Element, const VarDecl &Var,
                        const FlowState &State) {
    unsigned Index = ScalarIndex.lookup(&Var);
    FlowState Out;
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement) { // The scalar's lifetime ends.
      for (Partition P : State.partitions()) {
        P.Scalars[Index] = std::nullopt;
        Out.add(std::move(P));
      }
      return Out;
    }
    const Stmt *S = Statement->getStmt();
    const Expr *Value = nullptr;
    bool ZeroInitialized = false;
    if (isa<DeclStmt>(S)) {
      Value = Var.getInit();
      // `bool done{};` is false; `int i{3}` is 3.
      if (const auto *List = dyn_cast_or_null<InitListExpr>(Value))
        Value = List->getNumInits() == 1 ? List->getInit(0) : nullptr;
      if (const auto *List = dyn_cast_or_null<InitListExpr>(Var.getInit());
          List && List->getNumInits() == 0)
        Value = nullptr, ZeroInitialized = true;
    } else if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      Value = Binary->getOpcode() == BO_Assign ? Binary->getRHS() : Binary;
    }
    llvm::SmallVector<unsigned, 2> Queried;
    if (Value && !isa<BinaryOperator>(S)) // DeclStmt initializer.
      Eval.queries(Value, Queried);
    else if (const auto *Binary = dyn_cast<BinaryOperator>(S);
             Binary && Binary->getOpcode() == BO_Assign)
      Eval.queries(Binary->getRHS(), Queried);
    if (Queried.size() > MaxSplitQueries)
      Queried.resize(MaxSplitQueries);
    bool IsBool = Var.getType()->isBooleanType();
    for (const Partition &P : State.partitions())
      forEachSplit(P, Queried,
                   [&](Partition Split, llvm::ArrayRef<Assumption> Assumed) {
                     std::optional<int64_t> New =
                         newScalarValue(S, Value, P, Split, Index, Assumed);
                     if (ZeroInitialized)
                       New = 0;
                     if (New && IsBool)
                       New = *New != 0;
                     Split.Scalars[Index] = New;
                     Out.add(std::move(Split));
                   });
    Out.widen();
    return Out;
  }

  std::optional<int64_t> newScalarValue(const Stmt *S, const Expr *Value,
                                        const Partition &Before,
                                        const Partition &Split, unsigned Index,
                                        llvm::ArrayRef<Assumption> Assumed) {
    std::optional<int64_t> Old = Before.Scalars[Index];
    if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (!Old)
        return std::nullopt;
      return Unary->isIncrementOp() ? *Old + 1 : *Old - 1;
    }
    const auto *Binary = dyn_cast<BinaryOperator>(S);
    if (!Binary || Binary->getOpcode() == BO_Assign)
      return Value ? Eval.evaluate(Value, Split, Assumed) : std::nullopt;
    // `i += n` and friends: the old value combined with the right side.
    std::optional<int64_t> Right = Eval.evaluate(Binary->getRHS(), Split, Assumed);
    if (!Old || !Right)
      return std::nullopt;
    int64_t Out = 0;
    switch (Binary->getOpcode()) {
    case BO_AddAssign:
      return __builtin_add_overflow(*Old, *Right, &Out) ? std::nullopt
                                                        : std::optional(Out);
    case BO_SubAssign:
      return __builtin_sub_overflow(*Old, *Right, &Out) ? std::nullopt
                                                        : std::optional(Out);
    case BO_MulAssign:
      return __builtin_mul_overflow(*Old, *Right, &Out) ? std::nullopt
                                                        : std::optional(Out);
    case BO_AndAssign:
      return *Old & *Right;
    case BO_OrAssign:
      return *Old | *Right;
    case BO_XorAssign:
      return *Old ^ *Right;
    default:
      return std::nullopt;
    }
  }

  void transferElement(const CFGElement &Element, Partition &P,
                       Reporter *Report) {
    if (std::optional<CFGAutomaticObjDtor> Dtor =
            Element.getAs<CFGAutomaticObjDtor>()) {
      leaveScope(Dtor->getVarDecl(), Dtor->getTriggerStmt(), P, Report);
      return;
    }
    if (std::optional<CFGLifetimeEnds> End = Element.getAs<CFGLifetimeEnds>()) {
      leaveScope(End->getVarDecl(), End->getTriggerStmt(), P, Report);
      return;
    }
    std::optional<CFGStmt> S = Element.getAs<CFGStmt>();
    if (!S)
      return;
    if (const auto *Declaration = dyn_cast<DeclStmt>(S->getStmt()))
      declare(*Declaration, P);
    auto It = Events.find(S->getStmt());
    if (It == Events.end())
      return;
    for (const ConsumptionEvent &Event : It->second)
      apply(Event, P, Report);
  }

  void declare(const DeclStmt &Declaration, Partition &P) {
    for (const Decl *D : Declaration.decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      auto It = Var ? TaskIndex.find(Var) : TaskIndex.end();
      if (It == TaskIndex.end())
        continue;
      bool Ready = initialValue(Var->getInit(), Tracked.model(Var), Models) ==
                   InitialValue::ReadyOrEmpty;
      P.Vars[It->second].startValue(/*HoldsPendingValue=*/!Ready,
                                    /*Complete=*/Ready);
    }
  }

  void apply(const ConsumptionEvent &Event, Partition &P, Reporter *Report) {
    VarFacts &Facts = P.Vars[TaskIndex.lookup(Event.Var)];
    switch (Event.Kind) {
    case EventKind::Await:
    case EventKind::Result:
    case EventKind::Consume:
      // After a transfer every consumption is one too many; a re-awaitable
      // task awaited in place may be awaited again.
      if (Report && !Facts.FirstConsumptions.empty())
        Report->doubleConsumption(Event, Facts);
      if (Report && Event.Kind == EventKind::Result && !Facts.KnownComplete)
        Report->resultBeforeCompletion(Event);
      if (Event.Transfers)
        Facts.recordConsumption(Event.Loc);
      else
        Facts.MaybeUnconsumed = false;
      // Once awaited or read, the task is complete (or has thrown).
      if (Event.Kind != EventKind::Consume || !Event.Transfers)
        Facts.KnownComplete = true;
      return;
    case EventKind::Read:
      // A read after the value was handed over reads nothing; a read of an
      // eager task observes its outcome, so it was not dropped (reading a
      // lazy one does not make it run).
      if (Report && !Facts.FirstConsumptions.empty())
        Report->doubleConsumption(Event, Facts);
      else if (Report && !Facts.KnownComplete)
        Report->resultBeforeCompletion(Event);
      if (!Tracked.model(Event.Var).Lazy)
        Facts.MaybeUnconsumed = false;
      return;
    case EventKind::Start:
      if (Report && !Facts.FirstConsumptions.empty())
        Report->doubleConsumption(Event, Facts);
      Facts.MaybeUnconsumed = false;
      return;
    case EventKind::Wait:
      Facts.KnownComplete = true;
      return;
    case EventKind::Observe:
      if (!Tracked.model(Event.Var).Lazy)
        Facts.MaybeUnconsumed = false;
      return;
    case EventKind::Reassign: {
      if (Report && Facts.MaybeUnconsumed && Event.From != Event.Var)
        Report->unconsumed(Event.Var, Event.Loc, /*Overwritten=*/true);
      if (Event.From) {
        // `a = std::move(b)`: a now holds what b held (nothing, if b was
        // empty or already consumed).
        const VarFacts &Source = P.Vars[TaskIndex.lookup(Event.From)];
        bool Pending = Source.MaybeUnconsumed;
        bool Complete = Source.KnownComplete;
        Facts.startValue(Pending, Complete);
        return;
      }
      Facts.startValue(/*HoldsPendingValue=*/!Event.NewValueReady,
                       /*Complete=*/Event.NewValueReady);
      return;
    }
    case EventKind::Escape:
      Facts.MaybeUnconsumed = false;
      return;
    }
  }

  void leaveScope(const VarDecl *Var, const Stmt *Trigger, Partition &P,
                  Reporter *Report) {
    auto It = TaskIndex.find(Var);
    if (It == TaskIndex.end())
      return;
    VarFacts &Facts = P.Vars[It->second];
    if (Report && Facts.MaybeUnconsumed)
      Report->unconsumed(Var, scopeExitLocation(Trigger), /*Overwritten=*/false);
    Facts = VarFacts();
  }

  /// Step 5's exception edges: the handlers of every try block around \p S
  /// may be entered with the state before or after \p S.
  void feedHandlers(const Stmt *S, const FlowState &State) {
    if (DispatchBlocks.empty() || State.empty())
      return;
    for (const CXXTryStmt *Try : enclosingTryBlocks(S)) {
      auto Dispatch = DispatchBlocks.find(Try);
      if (Dispatch == DispatchBlocks.end())
        continue;
      mergeInto(*Dispatch->second, thrown(State));
    }
  }

  /// A `throw` in a try block is the one exception edge the CFG has.
  static bool isTryDispatch(const CFGBlock &Block) {
    return isa_and_nonnull<CXXTryStmt>(Block.getTerminatorStmt());
  }

  /// The state on an exception edge: what was consumed stays consumed, but
  /// leaking a task only counts on paths that end normally.
  static FlowState thrown(const FlowState &State) {
    FlowState Out;
    for (Partition P : State.partitions()) {
      for (VarFacts &Facts : P.Vars)
        Facts.MaybeUnconsumed = false;
      Out.add(std::move(P));
    }
    return Out;
  }

  llvm::ArrayRef<const CXXTryStmt *> enclosingTryBlocks(const Stmt *S) {
    if (auto Source = SyntheticSources.find(S);
        Source != SyntheticSources.end())
      S = Source->second;
    auto [It, Inserted] = TryCache.try_emplace(S);
    if (!Inserted)
      return It->second;
    llvm::SmallVector<const CXXTryStmt *, 1> Tries;
    for (const Stmt *Child = S, *Parent = Parents.getParent(S); Parent;
         Child = Parent, Parent = Parents.getParent(Parent))
      if (const auto *Try = dyn_cast<CXXTryStmt>(Parent);
          Try && Try->getTryBlock() == Child)
        Tries.push_back(Try);
    return TryCache[S] = std::move(Tries);
  }

  const CFG &Cfg;
  const ParentMap &Parents;
  ASTContext &Context;
  const TaskModels &Models;
  TrackedVariables Tracked;
  EventMap Events;
  llvm::DenseMap<const VarDecl *, unsigned> TaskIndex;
  llvm::DenseMap<const VarDecl *, unsigned> ScalarIndex;
  Evaluator Eval;
  FlowState Initial;
  llvm::DenseMap<const Expr *, ConditionFacts> Conditions;
  llvm::DenseMap<const Stmt *, const Stmt *> SyntheticSources;
  llvm::DenseMap<const CXXTryStmt *, const CFGBlock *> DispatchBlocks;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const CXXTryStmt *, 1>>
      TryCache;
  std::vector<std::optional<FlowState>> EntryStates;
  std::deque<const CFGBlock *> Worklist;
  llvm::DenseSet<const CFGBlock *> Queued;
};

} // namespace

ConsumptionFindings analyzeConsumption(const FunctionDecl &Function,
                                       ASTContext &Context,
                                       const TaskModels &Models) {
  const Stmt *Body = Function.getBody();
  if (!Body || Function.isInvalidDecl())
    return {};
  std::vector<const VarDecl *> EntryUnknown;
  TrackedVariables Tracked =
      TrackedVariableCollector(Function, Models).collect(EntryUnknown);
  if (Tracked.empty())
    return {};
  // Step 4: a coroutine's written body. The compiler's part (promise,
  // initial and final suspend) holds no task of the user's.
  Body = writtenBody(Body);
  if (!Body)
    return {};
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  // Lifetime ends mark the scope exit of locals the CFG has no destructor
  // for: a dependent type in a template, a trivially destructible type.
  Options.AddLifetime = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg =
      buildWrittenBodyCFG(&Function, Body, Context, Options);
  if (!Cfg)
    return {};

  ParentMap Parents(const_cast<Stmt *>(Body));
  std::vector<const VarDecl *> Scalars =
      ScalarCollector(Function, Parents).collect(Body);
  EventMap Events = collectConsumptionEvents(Body, Tracked, Models);
  std::optional<ConsumptionFindings> Findings =
      ConsumptionFlow(*Cfg, Context, Models, Tracked, EntryUnknown,
                      Scalars, Events, Parents)
          .run();
  // Without scalars the lattice is smaller; if partitions still did not
  // settle in budget, fall back to one partition.
  if (!Findings && !Scalars.empty())
    Findings = ConsumptionFlow(*Cfg, Context, Models, std::move(Tracked),
                               EntryUnknown, {}, std::move(Events), Parents)
                   .run();
  return Findings ? std::move(*Findings) : ConsumptionFindings();
}

} // namespace clang::tidy::valuetask
