//===--- ConsumptionEvents.h - what a statement does to a tracked task ---===//
//
// The consumption analysis walks a function's CFG element by element; this
// file says, for one function body, which statements consume, reset or let
// escape which tracked task variable, as that variable's task-type model
// (TaskModel.h) says. Each event is anchored at the statement that performs
// it (the co_await, the member call, the move, the assignment), so the CFG's
// element order is the order in which the events happen.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_CONSUMPTIONEVENTS_H
#define VTLINT_CHECKS_UTILS_CONSUMPTIONEVENTS_H

#include "utils/TaskModels.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::valuetask {

enum class EventKind {
  Await,       ///< co_await v, co_await std::move(v)
  Result,      ///< v.result(): consumes, and must be complete
  Consume,     ///< as_task(), get(), a move into a variable or a parameter,
               ///< return v, a consuming free function
  Read,        ///< a read that needs completion but does not consume
  Start,       ///< a lazy task started in place: it runs, still owned here
  Wait,        ///< blocks until complete, consumes nothing
  Observe,     ///< reads the outcome's state without consuming
  Reassign,    ///< v = other(): the old value ends, a fresh one starts
  Escape,      ///< a reference or pointer to v leaves our sight
};

struct ConsumptionEvent {
  EventKind Kind;
  const VarDecl *Var;
  /// Where the event is reported: the co_await keyword, the member name,
  /// the moved expression, the return keyword.
  SourceLocation Loc;
  /// For a consumption: the value leaves the variable (always, for a
  /// consume-once model); false for an await that leaves a re-awaitable
  /// task in place.
  bool Transfers = true;
  /// For Reassign: the new value is ready or empty, so dropping it loses
  /// nothing.
  bool NewValueReady = false;
  /// For Reassign from another tracked variable (`a = std::move(b)`): the
  /// new value is whatever that variable held.
  const VarDecl *From = nullptr;
  /// For Result, Read and Consume: the member or function that did it, for
  /// the advice; empty for an await.
  StringRef Operation;
};

/// Events of one function body, keyed by the statement that performs them.
using EventMap =
    llvm::DenseMap<const Stmt *, llvm::SmallVector<ConsumptionEvent, 1>>;

/// The variables one analysis follows, with each one's model, and the local
/// references that are only other names for one of them (`auto &r = v;`).
class TrackedVariables {
public:
  void add(const VarDecl *Var, const TaskModel &Model) {
    if (Models.try_emplace(Var, &Model).second)
      Order.push_back(Var);
  }
  void addAlias(const VarDecl *Alias, const VarDecl *Target) {
    Aliases[Alias] = Target;
  }
  /// The tracked variable \p Var names, itself or through aliases; null for
  /// any other variable.
  const VarDecl *resolve(const VarDecl *Var) const;
  /// The tracked variable \p E names once parentheses, implicit casts,
  /// std::move, std::forward and static_cast<T&&> are looked through.
  const VarDecl *resolve(const Expr *E) const;
  const TaskModel &model(const VarDecl *Var) const { return *Models.lookup(Var); }
  bool isAlias(const VarDecl *Var) const { return Aliases.count(Var); }
  llvm::ArrayRef<const VarDecl *> variables() const { return Order; }
  bool empty() const { return Order.empty(); }

private:
  std::vector<const VarDecl *> Order;
  llvm::DenseMap<const VarDecl *, const TaskModel *> Models;
  llvm::DenseMap<const VarDecl *, const VarDecl *> Aliases;
};

/// Collects the events on the \p Tracked variables in \p Body, skipping
/// nested lambda bodies (analysed as functions of their own) and unevaluated
/// operands (sizeof, decltype, noexcept, typeid of a non-polymorphic type).
EventMap collectConsumptionEvents(const Stmt *Body,
                                  const TrackedVariables &Tracked,
                                  const TaskModels &Models);

/// What a task variable holds after it is initialised (or assigned) with
/// \p Init.
enum class InitialValue {
  /// Nothing to wait for: default-constructed (vt: a default value; other
  /// libraries: an empty handle), or built from a plain value, or from a
  /// ready-value factory. Dropping it loses nothing.
  ReadyOrEmpty,
  /// An operation that may still be running (or, lazy, not started).
  Pending,
};
InitialValue initialValue(const Expr *Init, const TaskModel &Model,
                          const TaskModels &Models);

/// A call of a named member function: `Object.Name(...)`, also while the
/// object's type is still dependent.
struct MemberCall {
  const Expr *Object;
  StringRef Name;
  SourceLocation NameLoc;
};
std::optional<MemberCall> namedMemberCall(const CallExpr &Call);

/// The variable named by \p E once parentheses, implicit casts, std::move,
/// std::forward and static_cast<T&&> are looked through; null otherwise.
const VarDecl *referencedVariable(const Expr *E);

/// \p Call never returns: its callee is declared noreturn, or, in a
/// template, every candidate it may resolve to is (glibc's assert calls
/// __assert_fail with the dependent __PRETTY_FUNCTION__).
bool isNoReturnCall(const Stmt *S);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_CONSUMPTIONEVENTS_H
