//===--- TaskModel.h - what a coroutine library's task types promise -----===//
//
// The checks never hard-code a library. Each task type they know is
// described once by a TaskModel: how many times it may be consumed, whether
// it runs before anyone awaits it, which operations consume it, which ask
// whether it is complete, which read a result that must be there already,
// which build one that is ready, and the words the advice uses. Every check
// reads the same models through TaskModels (TaskModels.h), and
// docs/models.md gives each built-in fact with its source.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_TASKMODEL_H
#define VTLINT_CHECKS_UTILS_TASKMODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::valuetask {

/// How many times a value of the type may be consumed.
enum class TaskKind {
  /// vt::ValueTask, concurrencpp::result, folly::coro::Task: a second
  /// consumption throws or is undefined behaviour.
  ConsumeOnce,
  /// cppcoro::task, coro::task: an lvalue may be awaited again once it has
  /// completed (the result stays in the frame); moving it out (an rvalue
  /// await, a move into another owner) is the one consumption.
  ReawaitableAfterCompletion,
  /// vt::Task, concurrencpp::shared_result: awaited any number of times.
  Shareable,
};

/// What calling a member function (or a consuming free function) does.
enum class MemberEffect {
  /// as_task(), run(), start(), semi(): the value is handed over.
  Consume,
  /// vt's result(): consumes, and the value must be complete already.
  ConsumeRequiringCompletion,
  /// concurrencpp's get(): consumes, waiting for completion if needed.
  ConsumeWaiting,
  /// is_completed(), status(), is_ready(): true once complete.
  CompletionQuery,
  /// folly::SemiFuture::value(): reads without consuming; must be complete.
  ReadRequiringCompletion,
  /// libcoro's resume(): a lazy task starts running where it is; the
  /// variable still owns it.
  Start,
  /// concurrencpp's and folly's wait(): blocks until complete, consumes
  /// nothing.
  Wait,
  /// concurrencpp's status(): reads which outcome an eager task had (or that
  /// it has none yet); a task whose outcome was looked at is not "dropped
  /// with its errors".
  Observe,
};

struct MemberRule {
  std::string Name;
  MemberEffect Effect;
};

struct TaskModel {
  /// The library, for the documentation and for switching models off.
  std::string Library;
  /// Fully qualified class (template) names, each with a leading "::".
  std::vector<std::string> TypeNames;
  TaskKind Kind = TaskKind::ConsumeOnce;
  /// A lazy task does not start until it is awaited or started: dropping it
  /// means its work never runs. An eager one runs anyway, and dropping it
  /// loses its result and its errors.
  bool Lazy = false;
  /// `co_await t` on an lvalue takes the value over (vt, concurrencpp,
  /// async_simple); when false, an lvalue await leaves the task owned by the
  /// variable (cppcoro, libcoro) and only an rvalue await moves it out.
  bool LvalueAwaitConsumes = true;
  std::vector<MemberRule> Members;
  /// Qualified free functions that consume a task argument whatever its
  /// value category (sync_wait, blockingWait, syncAwait, co_spawn, when_all).
  std::vector<std::string> ConsumingFunctions;
  /// Qualified free functions whose result is already complete
  /// (concurrencpp::make_ready_result).
  std::vector<std::string> ReadyFactories;
  /// A constructor from one plain value builds a ready task (vt::ValueTask).
  bool ValueConstructorIsReady = false;
  /// The shareable type of the same library that this one converts to (the
  /// value-task/task pair). valuetask-always-async applies only with one.
  std::string Counterpart;
  /// The member that converts to the counterpart (vt: as_task).
  std::string ConversionMember;
  /// Keeping one in a data member, a global or a local collection is itself
  /// a misuse (valuetask-stored).
  bool StoringIsMisuse = false;

  /// The advice's words: what the type is called ("value task",
  /// "concurrencpp::result"), and how to consume one.
  std::string Noun;
  std::string HowToConsume;

  const MemberRule *member(llvm::StringRef Name) const;
  /// The first completion query, for advice ("check is_completed() first").
  llvm::StringRef completionQueryName() const;
  /// The type the advice names: the model's own spelling of a type name
  /// without its leading "::".
  llvm::StringRef spelledType(size_t Index = 0) const;
};

/// The built-in models (docs/models.md): vt, concurrencpp, folly, cppcoro,
/// libcoro, async_simple, asio. vt's type names are not here: they are the
/// ValueTaskTypes/TaskTypes options (see TaskModels.h).
const std::vector<TaskModel> &builtinTaskModels();

/// The vt model's facts for a value-task type named by the ValueTaskTypes
/// option or annotated [[clang::annotate("vt::value_task")]].
TaskModel vtValueTaskModel(std::vector<std::string> TypeNames,
                           std::string Counterpart);
/// ... and for a task type (TaskTypes, "vt::task").
TaskModel vtTaskModel(std::vector<std::string> TypeNames);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_TASKMODEL_H
