//===--- TaskModel.cpp - what a coroutine library's task types promise ---===//
//
// The built-in models. Each fact is documented, with the library source it
// was read from, in docs/models.md; keep the two in step.
//
//===----------------------------------------------------------------------===//

#include "utils/TaskModel.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::valuetask {

const MemberRule *TaskModel::member(llvm::StringRef Name) const {
  for (const MemberRule &Rule : Members)
    if (Rule.Name == Name)
      return &Rule;
  return nullptr;
}

llvm::StringRef TaskModel::completionQueryName() const {
  for (const MemberRule &Rule : Members)
    if (Rule.Effect == MemberEffect::CompletionQuery)
      return Rule.Name;
  return {};
}

llvm::StringRef TaskModel::spelledType(size_t Index) const {
  if (Index >= TypeNames.size())
    return {};
  llvm::StringRef Name = TypeNames[Index];
  Name.consume_front("::");
  return Name;
}

TaskModel vtValueTaskModel(std::vector<std::string> TypeNames,
                           std::string Counterpart) {
  TaskModel Model;
  Model.Library = "vt";
  Model.TypeNames = std::move(TypeNames);
  Model.Kind = TaskKind::ConsumeOnce;
  Model.Lazy = false;
  Model.Members = {
      {"result", MemberEffect::ConsumeRequiringCompletion},
      {"as_task", MemberEffect::Consume},
      {"is_completed", MemberEffect::CompletionQuery},
      {"is_completed_successfully", MemberEffect::CompletionQuery},
      {"is_faulted", MemberEffect::CompletionQuery},
      {"is_canceled", MemberEffect::CompletionQuery},
  };
  Model.ValueConstructorIsReady = true;
  Model.Counterpart = std::move(Counterpart);
  Model.ConversionMember = "as_task";
  Model.StoringIsMisuse = true;
  Model.Noun = "value task";
  Model.HowToConsume = "co_await it, or call result() or as_task() on it";
  return Model;
}

TaskModel vtTaskModel(std::vector<std::string> TypeNames) {
  TaskModel Model;
  Model.Library = "vt";
  Model.TypeNames = std::move(TypeNames);
  Model.Kind = TaskKind::Shareable;
  Model.Members = {{"is_completed", MemberEffect::CompletionQuery}};
  Model.Noun = "task";
  Model.HowToConsume = "co_await it";
  return Model;
}

namespace {

std::vector<TaskModel> makeBuiltinModels() {
  std::vector<TaskModel> Models;

  // concurrencpp: result<T> is eager (an executor or the coroutine runs it);
  // co_await (lvalue or rvalue), resolve() and get() empty it, and an empty
  // result throws errors::empty_result. get() and wait() block until ready.
  // lazy_result<T> starts when awaited, resolved or run(). shared_result<T>
  // may be awaited by many. when_all/when_any take results as R&&.
  {
    TaskModel Result;
    Result.Library = "concurrencpp";
    Result.TypeNames = {"::concurrencpp::result"};
    Result.Kind = TaskKind::ConsumeOnce;
    Result.Lazy = false;
    Result.Members = {
        {"get", MemberEffect::ConsumeWaiting},
        {"resolve", MemberEffect::Consume},
        {"wait", MemberEffect::Wait},
        {"wait_for", MemberEffect::Observe},
        {"wait_until", MemberEffect::Observe},
        {"status", MemberEffect::Observe},
    };
    Result.ConsumingFunctions = {"::concurrencpp::when_all",
                                 "::concurrencpp::when_any"};
    Result.ReadyFactories = {"::concurrencpp::make_ready_result",
                             "::concurrencpp::make_exceptional_result"};
    Result.Noun = "concurrencpp::result";
    Result.HowToConsume = "co_await it, or call get() on it";
    Models.push_back(Result);

    TaskModel Lazy = Result;
    Lazy.TypeNames = {"::concurrencpp::lazy_result"};
    Lazy.Lazy = true;
    Lazy.Members = {
        {"run", MemberEffect::Consume},
        {"resolve", MemberEffect::Consume},
    };
    Lazy.ReadyFactories = {};
    Lazy.Noun = "concurrencpp::lazy_result";
    Lazy.HowToConsume = "co_await it, or call run() on it";
    Models.push_back(Lazy);

    TaskModel Shared;
    Shared.Library = "concurrencpp";
    Shared.TypeNames = {"::concurrencpp::shared_result"};
    Shared.Kind = TaskKind::Shareable;
    Shared.Noun = "concurrencpp::shared_result";
    Shared.HowToConsume = "co_await it";
    Models.push_back(Shared);
  }

  // folly: coro::Task<T> is lazy and awaited only as an rvalue (an lvalue
  // await does not compile); scheduleOn() and semi() hand it over, and
  // TaskWithExecutor's start() too. SemiFuture/Future are eager, consumed by
  // get() (which blocks), via() and the then-family; value() and result()
  // throw FutureNotReady until isReady(), and wait() makes them ready.
  {
    TaskModel Task;
    Task.Library = "folly";
    Task.TypeNames = {"::folly::coro::Task"};
    Task.Kind = TaskKind::ConsumeOnce;
    Task.Lazy = true;
    Task.Members = {
        {"scheduleOn", MemberEffect::Consume},
        {"semi", MemberEffect::Consume},
        {"start", MemberEffect::Consume},
        {"startInlineUnsafe", MemberEffect::Consume},
        {"unwrap", MemberEffect::Consume},
    };
    Task.ConsumingFunctions = {
        "::folly::coro::blockingWait",      "::folly::coro::collectAll",
        "::folly::coro::collectAllTry",     "::folly::coro::collectAllRange",
        "::folly::coro::collectAllTryRange", "::folly::coro::collectAny",
        "::folly::coro::co_withExecutor",   "::folly::coro::co_withCancellation",
        "::folly::coro::co_awaitTry",       "::folly::coro::co_viaIfAsync"};
    Task.Noun = "folly::coro::Task";
    Task.HowToConsume = "co_await it, or pass it to blockingWait()";
    Models.push_back(Task);

    // The same facts, in its own name: a Task bound to an executor.
    TaskModel WithExecutor = Task;
    WithExecutor.TypeNames = {"::folly::coro::TaskWithExecutor"};
    WithExecutor.Noun = "folly::coro::TaskWithExecutor";
    WithExecutor.HowToConsume =
        "co_await it, call start() on it, or pass it to blockingWait()";
    Models.push_back(WithExecutor);

    TaskModel Future;
    Future.Library = "folly";
    Future.TypeNames = {"::folly::SemiFuture"};
    Future.Kind = TaskKind::ConsumeOnce;
    Future.Lazy = false;
    Future.Members = {
        {"get", MemberEffect::ConsumeWaiting},
        {"via", MemberEffect::Consume},
        {"toUnsafeFuture", MemberEffect::Consume},
        {"thenValue", MemberEffect::Consume},
        {"thenTry", MemberEffect::Consume},
        {"thenError", MemberEffect::Consume},
        {"ensure", MemberEffect::Consume},
        {"defer", MemberEffect::Consume},
        {"deferValue", MemberEffect::Consume},
        {"isReady", MemberEffect::CompletionQuery},
        {"value", MemberEffect::ReadRequiringCompletion},
        {"result", MemberEffect::ReadRequiringCompletion},
        {"hasValue", MemberEffect::ReadRequiringCompletion},
        {"hasException", MemberEffect::ReadRequiringCompletion},
        {"wait", MemberEffect::Wait},
    };
    Future.ConsumingFunctions = {"::folly::collectAll", "::folly::collect",
                                 "::folly::collectAny",
                                 "::folly::coro::blockingWait",
                                 "::folly::coro::toTask"};
    Future.ReadyFactories = {"::folly::makeSemiFuture"};
    Future.Noun = "folly::SemiFuture";
    Future.HowToConsume = "co_await it, or call get() on it";
    Models.push_back(Future);

    // Future<T>: the same facts, in its own name and with its own factory.
    TaskModel Executing = Future;
    Executing.TypeNames = {"::folly::Future"};
    Executing.ReadyFactories = {"::folly::makeFuture"};
    Executing.Noun = "folly::Future";
    Models.push_back(Executing);
  }

  // cppcoro: task<T> is lazy; an lvalue await leaves the result in the
  // frame, so awaiting the same task again returns it, and sync_wait(t)
  // awaits in place. An rvalue await moves the result out, and a move into
  // another owner (when_all, make_shared_task) leaves the task empty:
  // awaiting it then throws broken_promise. shared_task<T> is shared by
  // copies.
  {
    TaskModel Task;
    Task.Library = "cppcoro";
    Task.TypeNames = {"::cppcoro::task"};
    Task.Kind = TaskKind::ReawaitableAfterCompletion;
    Task.Lazy = true;
    Task.LvalueAwaitConsumes = false;
    Task.Members = {{"is_ready", MemberEffect::CompletionQuery}};
    Task.ConsumingFunctions = {"::cppcoro::sync_wait", "::cppcoro::when_all",
                               "::cppcoro::when_all_ready",
                               "::cppcoro::make_shared_task",
                               "::cppcoro::schedule_on", "::cppcoro::resume_on",
                               "::cppcoro::fmap"};
    Task.Noun = "cppcoro::task";
    Task.HowToConsume = "co_await it, or pass it to sync_wait()";
    Models.push_back(Task);

    TaskModel Shared;
    Shared.Library = "cppcoro";
    Shared.TypeNames = {"::cppcoro::shared_task"};
    Shared.Kind = TaskKind::Shareable;
    Shared.Lazy = true;
    Shared.Members = {{"is_ready", MemberEffect::CompletionQuery}};
    Shared.Noun = "cppcoro::shared_task";
    Shared.HowToConsume = "co_await it";
    Models.push_back(Shared);
  }

  // libcoro: coro::task<T> is lazy and, like cppcoro's, may be awaited again
  // as an lvalue once complete; resume() starts it where it is. when_all,
  // when_any and the thread pool's schedule/spawn take it by value or &&.
  {
    TaskModel Task;
    Task.Library = "libcoro";
    Task.TypeNames = {"::coro::task"};
    Task.Kind = TaskKind::ReawaitableAfterCompletion;
    Task.Lazy = true;
    Task.LvalueAwaitConsumes = false;
    Task.Members = {
        {"resume", MemberEffect::Start},
        {"is_ready", MemberEffect::CompletionQuery},
        // promise() and handle() hand the frame to code that drives it by
        // hand (coroutine_handle::from_promise(t.promise()).resume()): the
        // task is started where it is, as far as the analysis can tell.
        {"promise", MemberEffect::Start},
        {"handle", MemberEffect::Start},
        // Reading the result through promise() is not modelled: promise().result() throws until the
        // coroutine completes, but promise() is also used for other things,
        // and libcoro's own tests guard it with REQUIRE(t.is_ready()), a
        // macro whose failure path the analysis cannot see ends the test:
        // on real code it was mostly false alarms (docs/real-code.md).
    };
    Task.ConsumingFunctions = {"::coro::sync_wait", "::coro::when_all",
                               "::coro::when_any"};
    Task.Noun = "coro::task";
    Task.HowToConsume = "co_await it, or pass it to coro::sync_wait()";
    Models.push_back(Task);
  }

  // async_simple: coro::Lazy<T> is lazy; awaiting it (an lvalue too) takes
  // its frame, and so do start(), directlyStart(), via(), setLazyLocal(),
  // coAwait() and syncAwait() (which takes L&& and consumes an lvalue).
  // isReady() is true on an empty Lazy as well, so it proves nothing.
  {
    TaskModel Lazy;
    Lazy.Library = "async_simple";
    Lazy.TypeNames = {"::async_simple::coro::Lazy"};
    Lazy.Kind = TaskKind::ConsumeOnce;
    Lazy.Lazy = true;
    Lazy.Members = {
        {"start", MemberEffect::Consume},
        {"directlyStart", MemberEffect::Consume},
        {"detach", MemberEffect::Consume},
        {"via", MemberEffect::Consume},
        {"setLazyLocal", MemberEffect::Consume},
        {"coAwait", MemberEffect::Consume},
        {"coAwaitTry", MemberEffect::Consume},
    };
    Lazy.ConsumingFunctions = {
        "::async_simple::coro::syncAwait",
        "::async_simple::coro::collectAll",
        "::async_simple::coro::collectAllPara",
        "::async_simple::coro::collectAny",
        "::async_simple::coro::collectAllWindowed",
        "::async_simple::coro::collectAllWindowedPara"};
    Lazy.Noun = "async_simple::coro::Lazy";
    Lazy.HowToConsume = "co_await it, or pass it to syncAwait()";
    Models.push_back(Lazy);

    // RescheduleLazy: a Lazy bound to an executor by via(); the same facts,
    // in its own name (its co_await is deprecated: start() or detach() it).
    TaskModel Reschedule = Lazy;
    Reschedule.TypeNames = {"::async_simple::coro::RescheduleLazy"};
    Reschedule.Noun = "async_simple::coro::RescheduleLazy";
    Reschedule.HowToConsume =
        "call start() or detach() on it, or pass it to syncAwait()";
    Models.push_back(Reschedule);
  }

  // asio: awaitable<T> is lazy and move-only; co_await (through the
  // promise's await_transform, rvalues only) and co_spawn take it by value.
  {
    TaskModel Awaitable;
    Awaitable.Library = "asio";
    Awaitable.TypeNames = {"::asio::awaitable"};
    Awaitable.Kind = TaskKind::ConsumeOnce;
    Awaitable.Lazy = true;
    Awaitable.ConsumingFunctions = {"::asio::co_spawn"};
    Awaitable.Noun = "asio::awaitable";
    Awaitable.HowToConsume = "co_await it, or pass it to co_spawn()";
    Models.push_back(Awaitable);

    // Boost.Asio: the same facts, in Boost's names.
    TaskModel Boost = Awaitable;
    Boost.TypeNames = {"::boost::asio::awaitable"};
    Boost.ConsumingFunctions = {"::boost::asio::co_spawn"};
    Boost.Noun = "boost::asio::awaitable";
    Models.push_back(Boost);
  }
  return Models;
}

} // namespace

const std::vector<TaskModel> &builtinTaskModels() {
  static const std::vector<TaskModel> Models = makeBuiltinModels();
  return Models;
}

} // namespace clang::tidy::valuetask
