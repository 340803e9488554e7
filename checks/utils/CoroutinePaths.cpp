//===--- CoroutinePaths.cpp - can a coroutine finish without suspending? --===//

#include "utils/CoroutinePaths.h"
#include "utils/ConsumptionEvents.h"
#include "utils/WrittenBodyCFG.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include <vector>

namespace clang::tidy::valuetask {
namespace {

bool isAwait(const Stmt *S) {
  return isa<CoawaitExpr, DependentCoawaitExpr>(S);
}

/// With exception edges, a block ending in a call that may throw has two
/// successors and no terminator: the next block, then the enclosing try's
/// handlers (or the exit, when the exception leaves the coroutine).
bool isExceptionalEdge(const CFGBlock &Block, unsigned SuccessorIndex) {
  return SuccessorIndex == 1 && Block.succ_size() == 2 &&
         !Block.getTerminatorStmt();
}

/// A try statement's dispatch block: its edge to the exit is an exception
/// no handler matched, leaving the coroutine.
bool isTryDispatch(const CFGBlock &Block) {
  return isa_and_nonnull<CXXTryStmt>(Block.getTerminatorStmt());
}

/// A block whose edge to the exit is not a completion: it throws, or calls a
/// function that never returns.
bool leavesAbnormally(const CFGBlock &Block) {
  if (Block.hasNoReturnElement())
    return true;
  for (const CFGElement &Element : Block)
    if (auto Statement = Element.getAs<CFGStmt>())
      if (isa<CXXThrowExpr>(Statement->getStmt()) ||
          isNoReturnCall(Statement->getStmt()))
        return true;
  return false;
}

class PathWalker {
public:
  PathWalker(const CFG &Graph,
             llvm::function_ref<bool(const Expr &)> IsAsyncPoint)
      : Graph(Graph), IsAsyncPoint(IsAsyncPoint),
        Seen{llvm::BitVector(Graph.getNumBlockIDs()),
             llvm::BitVector(Graph.getNumBlockIDs())} {}

  CompletionPaths walk() {
    push(&Graph.getEntry(), false);
    while (!Pending.empty()) {
      auto [Block, Awaited] = Pending.back();
      Pending.pop_back();
      Awaited = Awaited || passesAsyncPoint(*Block);
      if (neverReturns(*Block))
        continue;
      unsigned Index = 0;
      for (const CFGBlock *Successor : Block->succs()) {
        bool Exceptional = isExceptionalEdge(*Block, Index++);
        if (!Successor) // An edge the CFG knows is never taken.
          continue;
        if (Successor != &Graph.getExit())
          push(Successor, Awaited);
        else if (!Exceptional && !isTryDispatch(*Block))
          recordExit(*Block, Awaited);
      }
    }
    return Result;
  }

private:
  void push(const CFGBlock *Block, bool Awaited) {
    llvm::BitVector &SeenWithBit = Seen[Awaited];
    if (SeenWithBit.test(Block->getBlockID()))
      return;
    SeenWithBit.set(Block->getBlockID());
    Pending.push_back({Block, Awaited});
  }

  bool passesAsyncPoint(const CFGBlock &Block) const {
    for (const CFGElement &Element : Block)
      if (auto Statement = Element.getAs<CFGStmt>())
        if (isAwait(Statement->getStmt()) &&
            IsAsyncPoint(*cast<Expr>(Statement->getStmt())))
          return true;
    return false;
  }

  /// A call that never returns ends the path (in a template the CFG cannot
  /// know it: glibc's assert calls __assert_fail unresolved).
  static bool neverReturns(const CFGBlock &Block) {
    for (const CFGElement &Element : Block)
      if (auto Statement = Element.getAs<CFGStmt>())
        if (isNoReturnCall(Statement->getStmt()))
          return true;
    return false;
  }

  void recordExit(const CFGBlock &Block, bool Awaited) {
    if (leavesAbnormally(Block))
      return;
    Result.CanComplete = true;
    Result.CanCompleteWithoutAsyncPoint |= !Awaited;
  }

  const CFG &Graph;
  llvm::function_ref<bool(const Expr &)> IsAsyncPoint;
  /// Seen[bit] marks the blocks already queued with that "awaited" bit.
  llvm::BitVector Seen[2];
  std::vector<std::pair<const CFGBlock *, bool>> Pending;
  CompletionPaths Result;
};

} // namespace

std::optional<CompletionPaths>
analyzeCompletionPaths(const Stmt &Body, ASTContext &Context,
                       llvm::function_ref<bool(const Expr &Await)> IsAsyncPoint) {
  CFG::BuildOptions Options;
  // Every expression gets its own element, so a co_await nested in an
  // initialiser or an argument is seen where it is evaluated.
  Options.setAllAlwaysAdd();
  // A handler is entered from any call in its try block that may throw, with
  // whatever was awaited before that call; without these edges the CFG has
  // no way into a handler at all.
  Options.AddEHEdges = true;
  std::unique_ptr<CFG> Graph =
      buildWrittenBodyCFG(nullptr, &Body, Context, Options);
  if (!Graph)
    return std::nullopt;
  return PathWalker(*Graph, IsAsyncPoint).walk();
}

} // namespace clang::tidy::valuetask
