//===--- ConsumptionEvents.h - what a statement does to a value task -----===//
//
// The consumption analysis walks a function's CFG element by element; this
// file says, for one function body, which statements consume, reset or let
// escape which tracked value-task variable. Each event is anchored at the
// statement that performs it (the co_await, the result() call, the move
// constructor, the assignment), so the CFG's element order is the order in
// which the events happen.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_CONSUMPTIONEVENTS_H
#define VTLINT_CHECKS_UTILS_CONSUMPTIONEVENTS_H

#include "utils/ValueTaskTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::valuetask {

enum class EventKind {
  Await,      ///< co_await v, co_await std::move(v)
  Result,     ///< v.result()
  Consume,    ///< v.as_task(), a move into a variable or parameter, return v
  Reassign,   ///< v = other(): the old value ends, a fresh one starts
  Escape,     ///< a reference or pointer to v leaves our sight
};

struct ConsumptionEvent {
  EventKind Kind;
  const VarDecl *Var;
  /// Where the event is reported: the co_await keyword, the member name,
  /// the moved expression, the return keyword.
  SourceLocation Loc;
  /// For Reassign: the new value is complete already (a value constructor).
  bool ValueIsComplete = false;
};

/// Events of one function body, keyed by the statement that performs them.
using EventMap =
    llvm::DenseMap<const Stmt *, llvm::SmallVector<ConsumptionEvent, 1>>;

/// Collects the events on \p Tracked variables in \p Body, skipping nested
/// lambda bodies (analysed as functions of their own) and unevaluated
/// operands (sizeof, decltype, noexcept, typeid of a non-polymorphic type).
EventMap collectConsumptionEvents(const Stmt *Body,
                                  llvm::ArrayRef<const VarDecl *> Tracked,
                                  const ValueTaskTypes &Types);

/// True when \p Init creates a value task that holds a value already: a
/// default-constructed one, or one constructed from a plain value (not from
/// a task or another value task).
bool createsCompletedValueTask(const Expr *Init, const ValueTaskTypes &Types);

/// True when \p Init default-constructs a value task: it holds a default
/// value nobody waits for, so nothing is lost when it is dropped.
bool createsEmptyValueTask(const Expr *Init);

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

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_CONSUMPTIONEVENTS_H
