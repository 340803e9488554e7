// Task, TaskCompletionSource and ValueTask edge cases that the lit programs
// do not cover: misuse errors and empty handles.
#include <vt/vt.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

TEST(TaskCompletionSource, SecondCompletionIsAnError) {
  vt::TaskCompletionSource<int> source;
  EXPECT_TRUE(source.try_set_result(1));
  EXPECT_FALSE(source.try_set_result(2));
  EXPECT_THROW(source.set_result(3), vt::InvalidOperationError);
  EXPECT_THROW(source.set_canceled(), vt::InvalidOperationError);
  EXPECT_THROW(source.set_exception(std::make_exception_ptr(std::runtime_error("x"))), vt::InvalidOperationError);
  EXPECT_EQ(source.task().get(), 1);
}

TEST(TaskCompletionSource, CanceledTaskThrowsOperationCanceled) {
  vt::TaskCompletionSource<> source;
  source.set_canceled();
  vt::Task<> task = source.task();
  EXPECT_TRUE(task.is_canceled());
  EXPECT_FALSE(task.is_faulted());
  EXPECT_THROW(task.get(), vt::OperationCanceledError);
}

TEST(TaskCompletionSource, NullExceptionIsRejected) {
  vt::TaskCompletionSource<> source;
  EXPECT_THROW(source.set_exception(nullptr), std::invalid_argument);
  EXPECT_THROW(vt::from_exception(nullptr), std::invalid_argument);
}

TEST(Task, EmptyHandleThrows) {
  vt::Task<int> empty;
  EXPECT_FALSE(empty.valid());
  EXPECT_THROW((void)empty.is_completed(), vt::InvalidOperationError);
  EXPECT_THROW(empty.get(), vt::InvalidOperationError);
}

TEST(Task, CoroutineRunsEagerlyUntilFirstSuspension) {
  int steps = 0;
  vt::TaskCompletionSource<> gate;
  auto body = [&]() -> vt::Task<> {
    ++steps;
    co_await gate.task();
    ++steps;
  };
  vt::Task<> task = body();
  EXPECT_EQ(steps, 1);
  gate.set_result();
  task.get();
  EXPECT_EQ(steps, 2);
}

TEST(Task, WhenAnyOfNothingIsAnError) {
  EXPECT_THROW(vt::when_any(std::vector<vt::Task<int>>{}), std::invalid_argument);
}

TEST(Task, WhenAllCanceledInputCancels) {
  vt::CancellationTokenSource cts;
  cts.cancel();
  auto all = vt::when_all(std::vector<vt::Task<int>>{vt::from_result(1), vt::from_canceled<int>(cts.token())});
  EXPECT_THROW(all.get(), vt::OperationCanceledError);
  EXPECT_TRUE(all.is_canceled());
}

TEST(ValueTask, MoveOnlyValues) {
  vt::ValueTask<std::unique_ptr<int>> ready(std::make_unique<int>(5));
  EXPECT_EQ(*ready.result(), 5);
  vt::ManualResetValueTaskSource<std::unique_ptr<int>> source;
  auto pending = source.value_task();
  source.set_result(std::make_unique<int>(6));
  EXPECT_EQ(*pending.result(), 6);
}

TEST(ValueTask, VoidDefaultIsCompleted) {
  vt::ValueTask<> done;
  EXPECT_TRUE(done.is_completed_successfully());
  done.result();
  EXPECT_THROW(done.result(), vt::InvalidOperationError);
}

TEST(ValueTask, FaultedStates) {
  vt::ValueTask<int> faulted(vt::from_exception<int>(std::make_exception_ptr(std::runtime_error("bad"))));
  EXPECT_TRUE(faulted.is_faulted());
  EXPECT_THROW((void)faulted.result(), std::runtime_error);
  vt::CancellationTokenSource cts;
  cts.cancel();
  vt::ValueTask<int> canceled(vt::from_canceled<int>(cts.token()));
  EXPECT_TRUE(canceled.is_canceled());
  EXPECT_THROW((void)canceled.as_task().get(), vt::OperationCanceledError);
}

TEST(ValueTask, CoroutineCompletingSynchronously) {
  auto twice = [](int x) -> vt::ValueTask<int> { co_return co_await vt::ValueTask<int>(x) * 2; };
  vt::ValueTask<int> value_task = twice(21);
  EXPECT_TRUE(value_task.is_completed());
  EXPECT_EQ(value_task.result(), 42);
}

} // namespace

namespace {

TEST(ThreadPoolRun, UnwrapsValueTaskResults) {
  vt::ThreadPool pool(2);
  vt::Task<int> ready = pool.run([] { return vt::ValueTask<int>(5); });
  EXPECT_EQ(ready.get(), 5);
  vt::Task<int> coroutine = pool.run([]() -> vt::ValueTask<int> {
    co_await vt::yield();
    co_return 6;
  });
  EXPECT_EQ(coroutine.get(), 6);
  vt::Task<> void_coroutine = pool.run([]() -> vt::ValueTask<> { co_await vt::yield(); });
  void_coroutine.get();
  EXPECT_TRUE(void_coroutine.is_completed_successfully());
}

TEST(ManualResetValueTaskSource, VoidVersionsAndFaults) {
  vt::ManualResetValueTaskSource<> source;
  for (int round = 0; round < 3; ++round) {
    vt::ValueTask<> value_task = source.value_task();
    EXPECT_FALSE(value_task.is_completed());
    source.set_result();
    EXPECT_TRUE(value_task.is_completed_successfully());
    value_task.result();
    source.reset();
  }
  EXPECT_EQ(source.version(), 3u);
  vt::ValueTask<> canceled = source.value_task();
  source.set_exception(std::make_exception_ptr(vt::OperationCanceledError()));
  EXPECT_TRUE(canceled.is_canceled());
  EXPECT_THROW(canceled.result(), vt::OperationCanceledError);
}

TEST(ValueTask, PendingCoroutineAwaitedFromAnotherCoroutine) {
  vt::TaskCompletionSource<int> gate;
  auto inner = [](vt::Task<int> t) -> vt::ValueTask<int> { co_return co_await t * 2; };
  auto outer = [&]() -> vt::Task<int> { co_return co_await inner(gate.task()) + 1; };
  vt::Task<int> result = outer();
  EXPECT_FALSE(result.is_completed());
  std::thread completer([&] { gate.set_result(20); });
  EXPECT_EQ(result.get(), 41);
  completer.join();
}

TEST(ValueTask, AsTaskOfPendingSource) {
  vt::ManualResetValueTaskSource<int> source;
  vt::ValueTask<int> value_task = source.value_task();
  vt::Task<int> task = value_task.as_task();
  EXPECT_FALSE(task.is_completed());
  source.set_result(3);
  EXPECT_EQ(task.get(), 3);
  EXPECT_EQ(task.get(), 3);
}

} // namespace
