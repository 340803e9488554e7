//===--- ConsumptionAnalysis.cpp - flow-sensitive value-task consumption -===//
//
// The analysis, in steps:
//  1. Track every local value-task variable of the function (declared in its
//     own body, not in a nested lambda) and every by-value parameter.
//  2. Collect the events on them (ConsumptionEvents.h), keyed by the
//     statement that performs each one.
//  3. Build the CFG with implicit destructors (a destructor element is where
//     a local leaves its scope) and every sub-expression as an element, so
//     the element order inside a block is the evaluation order.
//  4. Solve: a worklist of blocks; a block's entry state is the join of its
//     predecessors' exit states, refined on the edges of a completion query
//     (`v.is_completed()` true on the then-edge, `!v.is_completed()` on the
//     else-edge; the CFG already splits && and ||). A try block's handlers
//     are entered from every point of the try block (the CFG has no
//     exception edges), with "maybe unconsumed" dropped: paths taken only
//     because of an exception do not count as leaking a value task.
//  5. Report: replay every reachable block once from its fixpoint entry
//     state and record the findings, each site once.
//
//===----------------------------------------------------------------------===//

#include "utils/ConsumptionAnalysis.h"
#include "utils/ConsumptionEvents.h"
#include "utils/ConsumptionState.h"
#include "utils/SpelledValueTask.h"
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

/// A generous bound on block visits: the lattice is finite, so hitting it
/// means a bug; the function is then skipped rather than looping forever.
constexpr unsigned MaxBlockVisitsPerBlock = 64;

class TrackedVariableCollector
    : public RecursiveASTVisitor<TrackedVariableCollector> {
public:
  TrackedVariableCollector(const FunctionDecl &Function,
                           const ValueTaskTypes &Types)
      : Function(Function), Types(Types) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  /// Invalid code (a recovery expression anywhere) is not analysed.
  bool VisitExpr(Expr *E) {
    HasErrors |= E->containsErrors();
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    HasErrors |= Var->isInvalidDecl();
    if (!isa<ParmVarDecl>(Var) && Var->hasLocalStorage() &&
        Var->getDeclContext() == &Function && isValueTaskObject(Var))
      Tracked.push_back(Var);
    return true;
  }

  std::vector<const VarDecl *> collect() {
    for (const ParmVarDecl *Param : Function.parameters())
      if (isValueTaskObject(Param))
        Tracked.push_back(Param);
    TraverseStmt(Function.getBody());
    if (HasErrors)
      Tracked.clear();
    return std::move(Tracked);
  }

private:
  bool isValueTaskObject(const VarDecl *Var) const {
    QualType Type = Var->getType();
    if (Var->isInvalidDecl() ||
        (Type->isReferenceType() && !ownsTemporary(Var)))
      return false;
    return isSpelledValueTask(Type.getNonReferenceType(), Types) ||
           deducedFromValueTaskCall(Var);
  }

  /// `auto v = make(value);` in a template: the call is not resolved yet,
  /// but every function it can call returns a value task.
  bool deducedFromValueTaskCall(const VarDecl *Var) const {
    const auto *Call = dyn_cast_or_null<CallExpr>(
        Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
    return Var->getType()->isUndeducedAutoType() && Call &&
           returnsSpelledValueTask(*Call, Types);
  }

  /// `auto &&v = fetch();` keeps the temporary alive as long as v: v owns
  /// that value task just like a plain local would.
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
  const ValueTaskTypes &Types;
  std::vector<const VarDecl *> Tracked;
  bool HasErrors = false;
};

/// `v.is_completed()` and its kin, possibly negated: on which edge the
/// variable is known to be complete.
struct CompletionQuery {
  const VarDecl *Var;
  bool Negated;
};

std::optional<CompletionQuery> completionQuery(const Expr *Condition) {
  bool Negated = false;
  while (Condition) {
    Condition = Condition->IgnoreParenCasts();
    if (const auto *Not = dyn_cast<UnaryOperator>(Condition);
        Not && Not->getOpcode() == UO_LNot) {
      Negated = !Negated;
      Condition = Not->getSubExpr();
      continue;
    }
    // glibc's assert and likely-style macros wrap the condition.
    if (const auto *Call = dyn_cast<CallExpr>(Condition);
        Call && Call->getBuiltinCallee() == Builtin::BI__builtin_expect) {
      Condition = Call->getArg(0);
      continue;
    }
    break;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(Condition);
  std::optional<MemberCall> Query = Call ? namedMemberCall(*Call) : std::nullopt;
  if (!Query)
    return std::nullopt;
  bool Implies = llvm::StringSwitch<bool>(Query->Name)
                     .Cases("is_completed", "is_completed_successfully",
                            "is_faulted", "is_canceled", true)
                     .Default(false);
  const VarDecl *Var = referencedVariable(Query->Object);
  if (!Implies || !Var)
    return std::nullopt;
  return CompletionQuery{Var, Negated};
}

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

class ConsumptionFlow {
public:
  ConsumptionFlow(const CFG &Cfg, const Stmt *Body, ASTContext &Context,
                  std::vector<const VarDecl *> Tracked, EventMap Events,
                  const ValueTaskTypes &Types)
      : Cfg(Cfg), Parents(const_cast<Stmt *>(Body)), Context(Context),
        Tracked(std::move(Tracked)), Events(std::move(Events)), Types(Types),
        EntryStates(Cfg.getNumBlockIDs()) {
    for (size_t I = 0; I < this->Tracked.size(); ++I)
      IndexOf[this->Tracked[I]] = I;
    for (const auto &[Synthetic, Source] : Cfg.synthetic_stmts())
      SyntheticSources[Synthetic] = Source;
    for (const CFGBlock *Block : Cfg)
      if (const auto *Try =
              dyn_cast_or_null<CXXTryStmt>(Block->getTerminatorStmt()))
        DispatchBlocks[Try] = Block;
  }

  ConsumptionFindings run() {
    if (!solve())
      return {};
    Reporting = true;
    for (const CFGBlock *Block : Cfg)
      if (EntryStates[Block->getBlockID()])
        transferBlock(*Block, *EntryStates[Block->getBlockID()]);
    return std::move(Findings);
  }

private:
  bool solve() {
    FlowState Initial;
    Initial.Vars.resize(Tracked.size());
    mergeInto(Cfg.getEntry(), Initial);
    unsigned Budget = MaxBlockVisitsPerBlock * Cfg.getNumBlockIDs() + 64;
    while (!Worklist.empty()) {
      if (Budget-- == 0)
        return false;
      const CFGBlock *Block = Worklist.front();
      Worklist.pop_front();
      Queued.erase(Block);
      FlowState Exit = transferBlock(*Block, *EntryStates[Block->getBlockID()]);
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Successor : Block->succs()) {
        if (const CFGBlock *Next = Successor.getReachableBlock())
          mergeInto(*Next, isTryDispatch(*Next)
                               ? thrown(Exit)
                               : refineOnEdge(*Block, Index, Exit));
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

  FlowState refineOnEdge(const CFGBlock &From, unsigned SuccessorIndex,
                         FlowState State) const {
    // A two-way branch on a condition: successor 0 is taken when the last
    // evaluated expression is true (if, loops, ?:, and each && / || step).
    const Stmt *Terminator = From.getTerminatorStmt();
    if (From.succ_size() != 2 || !Terminator || isa<SwitchStmt>(Terminator) ||
        !From.getTerminator().isStmtBranch() || From.empty())
      return State;
    std::optional<CFGStmt> Last = From.back().getAs<CFGStmt>();
    if (!Last)
      return State;
    std::optional<CompletionQuery> Query =
        completionQuery(dyn_cast<Expr>(Last->getStmt()));
    if (!Query || !IndexOf.count(Query->Var))
      return State;
    bool TrueEdge = SuccessorIndex == 0;
    if (TrueEdge != Query->Negated)
      State.Vars[IndexOf.lookup(Query->Var)].KnownComplete = true;
    return State;
  }

  FlowState transferBlock(const CFGBlock &Block, FlowState State) {
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
      if (Statement)
        feedHandlers(Statement->getStmt(), State);
      transferElement(Element, State);
      if (Statement)
        feedHandlers(Statement->getStmt(), State);
    }
    return State;
  }

  void transferElement(const CFGElement &Element, FlowState &State) {
    if (std::optional<CFGAutomaticObjDtor> Dtor =
            Element.getAs<CFGAutomaticObjDtor>()) {
      leaveScope(Dtor->getVarDecl(), Dtor->getTriggerStmt(), State);
      return;
    }
    if (std::optional<CFGLifetimeEnds> End = Element.getAs<CFGLifetimeEnds>()) {
      leaveScope(End->getVarDecl(), End->getTriggerStmt(), State);
      return;
    }
    std::optional<CFGStmt> S = Element.getAs<CFGStmt>();
    if (!S)
      return;
    if (const auto *Declaration = dyn_cast<DeclStmt>(S->getStmt()))
      declare(*Declaration, State);
    auto It = Events.find(S->getStmt());
    if (It == Events.end())
      return;
    for (const ConsumptionEvent &Event : It->second)
      apply(Event, State);
  }

  void declare(const DeclStmt &Declaration, FlowState &State) {
    for (const Decl *D : Declaration.decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      auto It = Var ? IndexOf.find(Var) : IndexOf.end();
      if (It == IndexOf.end())
        continue;
      const Expr *Init = Var->getInit();
      State.Vars[It->second].startValue(
          /*HoldsValue=*/!createsEmptyValueTask(Init),
          /*Complete=*/createsCompletedValueTask(Init, Types));
    }
  }

  void apply(const ConsumptionEvent &Event, FlowState &State) {
    VarFacts &Facts = State.Vars[IndexOf.lookup(Event.Var)];
    switch (Event.Kind) {
    case EventKind::Await:
    case EventKind::Result:
    case EventKind::Consume:
      if (!Facts.FirstConsumptions.empty())
        reportDoubleConsumption(Event, Facts);
      if (Event.Kind == EventKind::Result && !Facts.KnownComplete)
        reportResultBeforeCompletion(Event);
      Facts.recordConsumption(Event.Loc);
      // Once awaited or read, the value task is complete (or has thrown).
      if (Event.Kind != EventKind::Consume)
        Facts.KnownComplete = true;
      return;
    case EventKind::Reassign:
      if (Facts.MaybeUnconsumed)
        reportUnconsumed(Event.Var, Event.Loc, /*Overwritten=*/true);
      Facts.startValue(/*HoldsValue=*/true, Event.ValueIsComplete);
      return;
    case EventKind::Escape:
      Facts.MaybeUnconsumed = false;
      return;
    }
  }

  void leaveScope(const VarDecl *Var, const Stmt *Trigger, FlowState &State) {
    auto It = IndexOf.find(Var);
    if (It == IndexOf.end())
      return;
    VarFacts &Facts = State.Vars[It->second];
    if (Facts.MaybeUnconsumed)
      reportUnconsumed(Var, scopeExitLocation(Trigger), /*Overwritten=*/false);
    Facts = VarFacts();
  }

  /// Step 4's exception edges: the handlers of every try block around \p S
  /// may be entered with the state before or after \p S.
  void feedHandlers(const Stmt *S, const FlowState &State) {
    if (Reporting || DispatchBlocks.empty())
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
  /// leaking a value task only counts on paths that end normally.
  static FlowState thrown(FlowState State) {
    for (VarFacts &Facts : State.Vars)
      Facts.MaybeUnconsumed = false;
    return State;
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

  SourceLocation earliest(llvm::ArrayRef<SourceLocation> Locs) const {
    SourceLocation Best = Locs.front();
    for (SourceLocation Loc : Locs.drop_front())
      if (Context.getSourceManager().isBeforeInTranslationUnit(Loc, Best))
        Best = Loc;
    return Best;
  }

  void reportDoubleConsumption(const ConsumptionEvent &Event,
                               const VarFacts &Facts) {
    if (Reporting && Reported.insert({Event.Var, Event.Loc, 0}).second)
      Findings.DoubleConsumptions.push_back(
          {Event.Var, Event.Loc, earliest(Facts.FirstConsumptions)});
  }

  void reportResultBeforeCompletion(const ConsumptionEvent &Event) {
    if (Reporting && Reported.insert({Event.Var, Event.Loc, 1}).second)
      Findings.ResultsBeforeCompletion.push_back({Event.Var, Event.Loc});
  }

  void reportUnconsumed(const VarDecl *Var, SourceLocation Loc,
                        bool Overwritten) {
    if (!Reporting)
      return;
    // One finding per variable going out of scope; each overwrite apart.
    SourceLocation Key = Overwritten ? Loc : SourceLocation();
    if (Reported.insert({Var, Key, 2}).second)
      Findings.UnconsumedValues.push_back({Var, Loc, Overwritten});
  }

  using FindingKey = std::tuple<const VarDecl *, SourceLocation, int>;
  struct FindingKeyInfo {
    static FindingKey getEmptyKey() {
      return {llvm::DenseMapInfo<const VarDecl *>::getEmptyKey(), {}, 0};
    }
    static FindingKey getTombstoneKey() {
      return {llvm::DenseMapInfo<const VarDecl *>::getTombstoneKey(), {}, 0};
    }
    static unsigned getHashValue(const FindingKey &Key) {
      return llvm::hash_combine(std::get<0>(Key),
                                std::get<1>(Key).getRawEncoding(),
                                std::get<2>(Key));
    }
    static bool isEqual(const FindingKey &A, const FindingKey &B) {
      return A == B;
    }
  };

  const CFG &Cfg;
  ParentMap Parents;
  ASTContext &Context;
  std::vector<const VarDecl *> Tracked;
  EventMap Events;
  const ValueTaskTypes &Types;
  llvm::DenseMap<const VarDecl *, unsigned> IndexOf;
  llvm::DenseMap<const Stmt *, const Stmt *> SyntheticSources;
  llvm::DenseMap<const CXXTryStmt *, const CFGBlock *> DispatchBlocks;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const CXXTryStmt *, 1>>
      TryCache;
  std::vector<std::optional<FlowState>> EntryStates;
  std::deque<const CFGBlock *> Worklist;
  llvm::DenseSet<const CFGBlock *> Queued;
  bool Reporting = false;
  llvm::DenseSet<FindingKey, FindingKeyInfo> Reported;
  ConsumptionFindings Findings;
};

} // namespace

ConsumptionFindings analyzeConsumption(const FunctionDecl &Function,
                                       ASTContext &Context,
                                       const ValueTaskTypes &Types) {
  const Stmt *Body = Function.getBody();
  if (!Body || Function.isInvalidDecl())
    return {};
  std::vector<const VarDecl *> Tracked =
      TrackedVariableCollector(Function, Types).collect();
  if (Tracked.empty())
    return {};
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  // Lifetime ends mark the scope exit of locals the CFG has no destructor
  // for: a dependent type in a template, a trivially destructible type.
  Options.AddLifetime = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg = CFG::buildCFG(&Function, const_cast<Stmt *>(Body),
                                           &Context, Options);
  // A coroutine in a template has no promise yet: its coroutine body has
  // holes the CFG builder refuses, but the written body is all we need.
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body);
      !Cfg && Coroutine) {
    Body = Coroutine->getBody();
    Cfg = CFG::buildCFG(&Function, const_cast<Stmt *>(Body), &Context,
                        Options);
  }
  if (!Cfg)
    return {};

  EventMap Events = collectConsumptionEvents(Body, Tracked, Types);
  return ConsumptionFlow(*Cfg, Body, Context, std::move(Tracked),
                         std::move(Events), Types)
      .run();
}

} // namespace clang::tidy::valuetask
