// ValueTask's hand-laid representation (vt/detail/value_task_backing.hpp):
// every backing kind moved, move-assigned, consumed after a move, with
// trivial, non-trivial (std::string), move-only and void values.
#include <vt/vt.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Longer than any small-string buffer: a bitwise move or a double destroy
// of the string would show under AddressSanitizer.
const std::string long_text(100, 'x');

template <typename T>
void expect_consumed(vt::ValueTask<T> &value_task) {
  EXPECT_THROW((void)value_task.result(), vt::InvalidOperationError);
}

/// Collects unobserved-value-task reports for the test's lifetime.
class UnobservedReports {
public:
  UnobservedReports() {
    vt::set_unobserved_handler([this](std::string_view message) { reports.emplace_back(message); });
  }
  ~UnobservedReports() { vt::set_unobserved_handler(nullptr); }
  std::vector<std::string> reports;
};

vt::ValueTask<std::string> text_coroutine() { co_return long_text; }
vt::ValueTask<int> waits_then_doubles(vt::Task<int> gate) { co_return 2 * co_await gate; }

TEST(ValueTaskRepresentation, SmallEnoughForRegisters) {
  // A pointer-sized union plus a tag, the consumed flag and a 32-bit token.
  EXPECT_EQ(sizeof(vt::ValueTask<int>), 2 * sizeof(void *));
  EXPECT_EQ(sizeof(vt::ValueTask<>), 2 * sizeof(void *));
  EXPECT_EQ(sizeof(vt::ValueTask<long>), 2 * sizeof(void *));
}

TEST(ValueTaskRepresentation, MovedReadyValueLeavesTheSourceConsumed) {
  vt::ValueTask<int> first(7);
  vt::ValueTask<int> second(std::move(first));
  expect_consumed(first);
  EXPECT_TRUE(second.is_completed_successfully());
  EXPECT_EQ(second.result(), 7);
  expect_consumed(second);
}

TEST(ValueTaskRepresentation, NonTrivialValueMovesAndAssigns) {
  vt::ValueTask<std::string> first(long_text);
  vt::ValueTask<std::string> second(std::move(first));
  expect_consumed(first);
  vt::ValueTask<std::string> third(std::string("overwritten, never read"));
  third = std::move(second);
  expect_consumed(second);
  EXPECT_EQ(third.result(), long_text);
  third = vt::ValueTask<std::string>(std::string(50, 'y')); // a consumed one can be reused
  EXPECT_EQ(third.result(), std::string(50, 'y'));
}

TEST(ValueTaskRepresentation, SelfMoveAssignmentKeepsTheValue) {
  vt::ValueTask<std::string> value_task(long_text);
  vt::ValueTask<std::string> &alias = value_task;
  value_task = std::move(alias);
  EXPECT_EQ(value_task.result(), long_text);
}

TEST(ValueTaskRepresentation, MoveOnlyValue) {
  vt::ValueTask<std::unique_ptr<std::string>> first(std::make_unique<std::string>(long_text));
  vt::ValueTask<std::unique_ptr<std::string>> second = std::move(first);
  expect_consumed(first);
  std::unique_ptr<std::string> value = second.result();
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(*value, long_text);
}

TEST(ValueTaskRepresentation, VoidMovesAndConsumesOnce) {
  vt::ValueTask<> first;
  vt::ValueTask<> second(std::move(first));
  EXPECT_THROW(first.result(), vt::InvalidOperationError);
  EXPECT_NO_THROW(second.result());
  EXPECT_THROW(second.result(), vt::InvalidOperationError);
}

TEST(ValueTaskRepresentation, CoroutineFrameMovesAndIsReleasedOnce) {
  vt::ValueTask<std::string> first = text_coroutine();
  vt::ValueTask<std::string> second(std::move(first));
  expect_consumed(first);
  EXPECT_TRUE(second.is_completed());
  EXPECT_EQ(second.result(), long_text);
  expect_consumed(second);
  // Dropped unconsumed: the frame is freed, nothing is reported (complete).
  UnobservedReports unobserved;
  { vt::ValueTask<std::string> dropped = text_coroutine(); }
  EXPECT_TRUE(unobserved.reports.empty());
}

TEST(ValueTaskRepresentation, PendingFrameResultThrowsThenCompletes) {
  vt::TaskCompletionSource<int> gate;
  vt::ValueTask<int> pending = waits_then_doubles(gate.task());
  vt::ValueTask<int> moved = std::move(pending);
  EXPECT_FALSE(moved.is_completed());
  EXPECT_THROW((void)moved.result(), vt::InvalidOperationError); // consumes it
  gate.set_result(4);
  expect_consumed(moved);
}

TEST(ValueTaskRepresentation, TaskBackedMovesAndSharesTheTask) {
  vt::TaskCompletionSource<std::string> source;
  vt::ValueTask<std::string> first(source.task());
  vt::ValueTask<std::string> second(std::move(first));
  expect_consumed(first);
  EXPECT_FALSE(second.is_completed());
  source.set_result(long_text);
  EXPECT_EQ(second.result(), long_text);
  EXPECT_EQ(source.task().get(), long_text); // a task-backed result is a copy
}

TEST(ValueTaskRepresentation, TaskBackedAsTaskHandsTheReferenceOver) {
  vt::TaskCompletionSource<int> source;
  vt::Task<int> task;
  {
    vt::ValueTask<int> value_task(source.task());
    task = value_task.as_task();
  }
  source.set_result(9);
  EXPECT_EQ(task.get(), 9);
}

TEST(ValueTaskRepresentation, EmptyTaskIsRejectedOnUse) {
  vt::ValueTask<int> from_empty{vt::Task<int>()};
  EXPECT_THROW((void)from_empty.is_completed(), vt::InvalidOperationError);
  vt::ValueTask<int> awaited_empty{vt::Task<int>()};
  EXPECT_THROW((void)awaited_empty.operator co_await(), vt::InvalidOperationError);
}

TEST(ValueTaskRepresentation, MoveAssignOverPendingReportsItOnce) {
  vt::ManualResetValueTaskSource<int> source;
  UnobservedReports unobserved;
  vt::ValueTask<int> value_task = source.value_task();
  value_task = vt::ValueTask<int>(3); // the pending one is dropped unconsumed
  EXPECT_EQ(unobserved.reports.size(), 1u);
  EXPECT_EQ(value_task.result(), 3);
  EXPECT_EQ(unobserved.reports.size(), 1u);
}

TEST(ValueTaskRepresentation, SourceBackedMovesKeepTheirVersion) {
  vt::ManualResetValueTaskSource<std::string> source;
  vt::ValueTask<std::string> first = source.value_task();
  vt::ValueTask<std::string> second(std::move(first));
  expect_consumed(first);
  source.set_result(long_text);
  EXPECT_EQ(second.result(), long_text);
  source.reset();
  vt::ValueTask<std::string> stale = source.value_task();
  source.set_result("next");
  source.reset(); // `stale` is now bound to an old version
  EXPECT_THROW((void)stale.is_completed(), vt::InvalidOperationError);
}

TEST(ValueTaskRepresentation, AwaitedAfterMove) {
  auto consumer = [](vt::ValueTask<std::string> value_task) -> vt::Task<std::string> {
    vt::ValueTask<std::string> moved = std::move(value_task);
    co_return co_await moved;
  };
  EXPECT_EQ(consumer(vt::ValueTask<std::string>(long_text)).get(), long_text);
  EXPECT_EQ(consumer(text_coroutine()).get(), long_text);
}

TEST(ValueTaskRepresentation, PassedByValueToACoroutineThatSuspends) {
  // With clang, ValueTask<int> is trivial_abi: the parameter arrives in
  // registers and the caller's object is destroyed in the callee; the
  // coroutine's frame keeps its own moved copy across the suspension.
  auto consumer = [](vt::ValueTask<int> value_task, vt::Task<int> gate) -> vt::Task<int> {
    int first = co_await gate;
    co_return first + co_await value_task;
  };
  vt::TaskCompletionSource<int> gate;
  vt::ManualResetValueTaskSource<int> source;
  vt::Task<int> sum = consumer(source.value_task(), gate.task());
  source.set_result(40);
  gate.set_result(2);
  EXPECT_EQ(sum.get(), 42);
  EXPECT_EQ(consumer(vt::ValueTask<int>(1), vt::from_result(1)).get(), 2);
}

} // namespace
