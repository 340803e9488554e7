// vt::detail::TimerQueue: ordering, cancellation, the single timer thread,
// re-entrancy and robustness.
#include <vt/timer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using vt::detail::TimerQueue;
using Clock = TimerQueue::Clock;

TimerQueue& timers() { return TimerQueue::instance(); }

TEST(TimerQueue, InstanceIsOneObject) { EXPECT_EQ(&TimerQueue::instance(), &TimerQueue::instance()); }

TEST(TimerQueue, RunsOnOneTimerThreadNotEarly) {
  std::promise<std::thread::id> first;
  std::promise<std::thread::id> second;
  const auto start = Clock::now();
  std::atomic<Clock::time_point> first_ran{};
  timers().schedule_after(30ms, [&] {
    first_ran = Clock::now();
    first.set_value(std::this_thread::get_id());
  });
  timers().schedule_after(10ms, [&] { second.set_value(std::this_thread::get_id()); });
  const auto first_thread = first.get_future().get();
  const auto second_thread = second.get_future().get();
  EXPECT_NE(first_thread, std::this_thread::get_id());
  EXPECT_EQ(first_thread, second_thread);
  EXPECT_GE(first_ran.load() - start, 30ms);
}

/// Holds the timer thread inside a callback until release(), so a test can
/// schedule many timers without any of them running (or falling due and
/// racing the scheduling loop on a slow, sanitized build).
class TimerThreadGate {
public:
  TimerThreadGate() {
    timers().schedule_after(0ns, [this] {
      entered_.set_value();
      released_.get_future().wait();
    });
    entered_.get_future().wait();
  }
  void release() { released_.set_value(); }

private:
  std::promise<void> entered_;
  std::promise<void> released_;
};

TEST(TimerQueue, FiresInDeadlineOrderAndTiesInSchedulingOrder) {
  std::mutex mutex;
  std::vector<int> order;
  std::promise<void> done;
  auto record = [&](int tag) {
    return [&, tag] {
      bool last = false;
      {
        std::lock_guard lock(mutex);
        order.push_back(tag);
        last = order.size() == 5;
      }
      if (last)
        done.set_value();
    };
  };
  TimerThreadGate gate;
  const auto base = Clock::now() + 20ms;
  timers().schedule_at(base + 30ms, record(4));
  timers().schedule_at(base, record(1));
  timers().schedule_at(base + 10ms, record(2));
  timers().schedule_at(base + 10ms, record(3));
  timers().schedule_at(base + 40ms, record(5));
  gate.release();
  ASSERT_EQ(done.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4, 5}));
}

TEST(TimerQueue, ManyRandomDeadlinesRunInNondecreasingOrder) {
  constexpr std::size_t count = 2000;
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> offset_us(0, 50000);
  std::mutex mutex;
  std::vector<Clock::time_point> fired_deadlines;
  std::promise<void> done;
  TimerThreadGate gate;
  const auto base = Clock::now();
  for (std::size_t i = 0; i < count; ++i) {
    const auto when = base + std::chrono::microseconds(offset_us(random));
    timers().schedule_at(when, [&, when] {
      bool last = false;
      {
        std::lock_guard lock(mutex);
        fired_deadlines.push_back(when);
        last = fired_deadlines.size() == count;
      }
      if (last)
        done.set_value();
    });
  }
  gate.release();
  ASSERT_EQ(done.get_future().wait_for(20s), std::future_status::ready);
  EXPECT_TRUE(std::is_sorted(fired_deadlines.begin(), fired_deadlines.end()));
}

TEST(TimerQueue, IdsAreNonZeroAndUnique) {
  std::set<TimerQueue::TimerId> ids;
  for (int i = 0; i < 100; ++i) {
    const auto id = timers().schedule_after(1h, [] {});
    EXPECT_NE(id, 0u);
    ids.insert(id);
    EXPECT_TRUE(timers().cancel(id));
  }
  EXPECT_EQ(ids.size(), 100u);
}

TEST(TimerQueue, CancelBeforeRunPreventsIt) {
  std::atomic<int> runs{0};
  const auto id = timers().schedule_after(300ms, [&] { ++runs; });
  EXPECT_TRUE(timers().cancel(id));
  EXPECT_FALSE(timers().cancel(id));
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(runs.load(), 0);
}

TEST(TimerQueue, CancelAfterRunOrUnknownReturnsFalse) {
  std::promise<void> ran;
  const auto id = timers().schedule_after(0ns, [&] { ran.set_value(); });
  ran.get_future().wait();
  EXPECT_FALSE(timers().cancel(id));
  EXPECT_FALSE(timers().cancel(0));
  EXPECT_FALSE(timers().cancel(~TimerQueue::TimerId{0}));
}

TEST(TimerQueue, CancelNeverWaitsForARunningCallback) {
  std::promise<void> started;
  std::atomic<bool> release{false};
  std::atomic<bool> finished{false};
  const auto id = timers().schedule_after(0ns, [&] {
    started.set_value();
    while (!release)
      std::this_thread::sleep_for(1ms);
    finished = true;
  });
  started.get_future().wait();
  EXPECT_FALSE(timers().cancel(id));
  EXPECT_FALSE(finished.load()) << "cancel() waited for the running callback";
  release = true;
  while (!finished)
    std::this_thread::sleep_for(1ms);
}

TEST(TimerQueue, CallbacksMayScheduleAndCancel) {
  std::promise<void> nested_ran;
  std::atomic<int> cancelled_runs{0};
  std::atomic<bool> cancel_result{false};
  const auto victim = timers().schedule_after(2s, [&] { ++cancelled_runs; });
  timers().schedule_after(0ns, [&] {
    cancel_result = timers().cancel(victim);
    timers().schedule_after(1ms, [&] { nested_ran.set_value(); });
  });
  ASSERT_EQ(nested_ran.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(cancel_result.load());
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(cancelled_runs.load(), 0);
}

TEST(TimerQueue, EarlierTimerWakesASleepingThread) {
  timers().schedule_after(1h, [] {});  // the thread now sleeps toward an hour
  std::promise<void> ran;
  const auto start = Clock::now();
  timers().schedule_after(10ms, [&] { ran.set_value(); });
  ASSERT_EQ(ran.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_LT(Clock::now() - start, 5s);
}

TEST(TimerQueue, ThrowingCallbackDoesNotStopTheThread) {
  testing::internal::CaptureStderr();
  timers().schedule_after(0ns, [] { throw std::runtime_error("expected failure"); });
  std::promise<void> later;
  timers().schedule_after(5ms, [&] { later.set_value(); });
  ASSERT_EQ(later.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("expected failure"), std::string::npos);
}

TEST(TimerQueue, HugeDelaysDoNotOverflow) {
  const auto never = timers().schedule_after(std::chrono::nanoseconds::max(), [] { ADD_FAILURE(); });
  const auto also_never = timers().schedule_at(Clock::time_point::max(), [] { ADD_FAILURE(); });
  std::promise<void> soon;
  timers().schedule_after(1ms, [&] { soon.set_value(); });
  ASSERT_EQ(soon.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(timers().cancel(never));
  EXPECT_TRUE(timers().cancel(also_never));
}

TEST(TimerQueue, PastDeadlinesRunPromptly) {
  std::promise<void> ran;
  timers().schedule_at(Clock::now() - 1h, [&] { ran.set_value(); });
  EXPECT_EQ(ran.get_future().wait_for(10s), std::future_status::ready);
}

TEST(TimerQueue, ManyCancelledTimersDoNotDelayLiveOnes) {
  // Exercises the lazy-deletion rebuild: cancelled entries far in the heap.
  std::vector<TimerQueue::TimerId> ids;
  for (int i = 0; i < 5000; ++i)
    ids.push_back(timers().schedule_after(1h + std::chrono::seconds(i), [] { ADD_FAILURE(); }));
  for (auto id : ids)
    EXPECT_TRUE(timers().cancel(id));
  std::promise<void> ran;
  timers().schedule_after(1ms, [&] { ran.set_value(); });
  EXPECT_EQ(ran.get_future().wait_for(10s), std::future_status::ready);
}

TEST(TimerQueue, CancelRacesWithFiring) {
  // Exactly one of "cancel returned true" and "the callback ran" happens.
  for (int round = 0; round < 500; ++round) {
    std::atomic<int> runs{0};
    const auto id = timers().schedule_after(std::chrono::microseconds(round % 50), [&runs] { ++runs; });
    std::this_thread::sleep_for(std::chrono::microseconds(round % 40));
    const bool cancelled = timers().cancel(id);
    if (!cancelled) {
      while (runs.load() == 0)
        std::this_thread::yield();
    }
    EXPECT_EQ(runs.load(), cancelled ? 0 : 1);
  }
}

} // namespace

TEST(TimerQueueExit, PendingTimerAtExitIsDropped) {
  // Left pending on purpose: the process must still exit cleanly.
  timers().schedule_after(1h, [] { std::abort(); });
}
