// ThreadPool::spawn and vt::spawn: the single-frame fork primitive (protocol
// in vt/thread_pool.hpp). The body starts on the pool, values and exceptions
// reach every awaiter, nothing is lost or run twice, and a non-coroutine
// callable behaves exactly as documented.
#include <vt/vt.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

vt::Task<vt::ThreadPool *> where_am_i() { co_return vt::detail::current_pool(); }

vt::Task<std::thread::id> body_thread() { co_return std::this_thread::get_id(); }

vt::Task<int> add(int a, int b) { co_return a + b; }

vt::Task<int> fail(std::string message) {
  throw std::runtime_error(message);
  co_return 0;
}

vt::Task<long> fib(vt::ThreadPool &pool, int n) {
  if (n < 2)
    co_return n;
  vt::Task<long> left = pool.spawn(fib, pool, n - 1);
  long right = co_await fib(pool, n - 2);
  co_return co_await left + right;
}

long fib_sequential(int n) { return n < 2 ? n : fib_sequential(n - 1) + fib_sequential(n - 2); }

vt::Task<> count_into(std::atomic<int> &counter) {
  counter.fetch_add(1, std::memory_order_relaxed);
  co_return;
}

TEST(Spawn, BodyRunsOnThePoolNotOnTheCaller) {
  vt::ThreadPool pool(2);
  vt::Task<vt::ThreadPool *> task = pool.spawn(where_am_i);
  EXPECT_EQ(task.get(), &pool);
  EXPECT_NE(pool.spawn(body_thread).get(), std::this_thread::get_id());
}

TEST(Spawn, TheBodyDoesNotStartDuringTheCall) {
  // One worker, kept busy: the spawned body can only run after it is freed.
  vt::ThreadPool pool(1);
  std::atomic<bool> release{false};
  vt::Task<> blocker = pool.run([&] {
    while (!release.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  std::atomic<int> counter{0};
  vt::Task<> task = pool.spawn(count_into, counter);
  EXPECT_FALSE(task.is_completed());
  EXPECT_EQ(counter.load(), 0);
  release.store(true);
  task.get();
  EXPECT_EQ(counter.load(), 1);
  blocker.get();
}

TEST(Spawn, ArgumentsAreCopiedIntoTheFrame) {
  vt::ThreadPool pool(2);
  vt::Task<int> task;
  {
    int a = 40;
    task = pool.spawn(add, a, 2);
    a = 0; // The frame holds its own copy.
  }
  EXPECT_EQ(task.get(), 42);
}

TEST(Spawn, ExceptionFaultsTheTaskAndReachesEveryAwaiter) {
  vt::ThreadPool pool(2);
  vt::Task<int> task = pool.spawn(fail, std::string("spawned boom"));
  task.wait();
  EXPECT_TRUE(task.is_faulted());
  for (int i = 0; i < 3; ++i) {
    try {
      task.get();
      FAIL() << "expected an exception";
    } catch (const std::runtime_error &e) {
      EXPECT_STREQ(e.what(), "spawned boom");
    }
  }
}

TEST(Spawn, AwaitedManyTimesFromManyCoroutines) {
  vt::ThreadPool pool(2);
  vt::Task<int> shared = pool.spawn(add, 20, 22);
  std::vector<vt::Task<int>> awaiters;
  for (int i = 0; i < 16; ++i)
    awaiters.push_back(pool.run([shared]() -> vt::Task<int> { co_return co_await shared; }));
  for (auto &awaiter : awaiters)
    EXPECT_EQ(awaiter.get(), 42);
  EXPECT_EQ(shared.get(), 42);
}

TEST(Spawn, FromInsideThePoolForksRecursively) {
  vt::ThreadPool pool(2);
  EXPECT_EQ(pool.spawn(fib, pool, 20).get(), fib_sequential(20));
  vt::ThreadPoolStats stats = pool.stats();
  // fib(20) forks thousands of times from workers: those go to local deques.
  EXPECT_GT(stats.local_pushes, 1000u);
}

TEST(Spawn, FromOutsideGoesToTheGlobalQueue) {
  vt::ThreadPool pool(2);
  const int count = 200;
  std::atomic<int> counter{0};
  std::vector<vt::Task<>> tasks;
  for (int i = 0; i < count; ++i)
    tasks.push_back(pool.spawn(count_into, counter));
  for (auto &task : tasks)
    task.get();
  EXPECT_EQ(counter.load(), count);
  EXPECT_EQ(pool.stats().global_pushes, static_cast<std::uint64_t>(count));
}

TEST(Spawn, OneThreadPoolDoesNotDeadlock) {
  vt::ThreadPool pool(1);
  EXPECT_EQ(pool.spawn(fib, pool, 15).get(), fib_sequential(15));
  // Blocking on a spawned child from the only worker: it runs the child.
  vt::Task<int> outer = pool.run([&] { return pool.spawn(add, 1, 2).get(); });
  EXPECT_EQ(outer.get(), 3);
}

TEST(Spawn, FreeFunctionUsesTheDefaultPool) {
  EXPECT_EQ(vt::spawn(where_am_i).get(), &vt::ThreadPool::default_pool());
  EXPECT_EQ(vt::spawn(add, 1, 1).get(), 2);
}

TEST(Spawn, NonCoroutineCallableRunsInlineAndDefersItsFirstCoroutine) {
  vt::ThreadPool pool(2);
  std::thread::id plain_code_thread;
  // An ordinary lambda returning a Task: its own code runs on the caller,
  // the coroutine it starts is the one deferred to the pool.
  vt::Task<vt::ThreadPool *> task = pool.spawn([&] {
    plain_code_thread = std::this_thread::get_id();
    return where_am_i();
  });
  EXPECT_EQ(plain_code_thread, std::this_thread::get_id());
  EXPECT_EQ(task.get(), &pool);
}

TEST(Spawn, NonCoroutineCallableStartsLaterCoroutinesEagerly) {
  vt::ThreadPool pool(2);
  vt::Task<vt::ThreadPool *> second;
  vt::Task<vt::ThreadPool *> first = pool.spawn([&] {
    vt::Task<vt::ThreadPool *> deferred = where_am_i();
    second = where_am_i(); // The request was taken: this one runs here.
    return deferred;
  });
  EXPECT_EQ(first.get(), &pool);
  EXPECT_TRUE(second.is_completed());
  EXPECT_EQ(second.get(), nullptr);
}

TEST(Spawn, NonCoroutineCallableWithoutCoroutineLeavesNoRequestBehind) {
  vt::ThreadPool pool(2);
  vt::Task<int> ready = pool.spawn([] { return vt::from_result(7); });
  EXPECT_TRUE(ready.is_completed());
  EXPECT_EQ(ready.get(), 7);
  // The unused request was cleared: a later plain call runs eagerly, here.
  vt::Task<vt::ThreadPool *> eager = where_am_i();
  EXPECT_TRUE(eager.is_completed());
  EXPECT_EQ(eager.get(), nullptr);
}

TEST(Spawn, ThrowingNonCoroutineCallableClearsTheRequest) {
  vt::ThreadPool pool(2);
  EXPECT_THROW(pool.spawn([]() -> vt::Task<int> { throw std::logic_error("before any coroutine"); }),
               std::logic_error);
  vt::Task<vt::ThreadPool *> eager = where_am_i();
  EXPECT_TRUE(eager.is_completed());
  EXPECT_EQ(eager.get(), nullptr);
}

TEST(Spawn, NestedSpawnInsideANonCoroutineCallable) {
  vt::ThreadPool outer_pool(1);
  vt::ThreadPool inner_pool(1);
  vt::Task<vt::ThreadPool *> inner;
  vt::Task<vt::ThreadPool *> outer = outer_pool.spawn([&] {
    inner = inner_pool.spawn(where_am_i); // Takes its own request...
    return where_am_i();                  // ...and the outer one is still there.
  });
  EXPECT_EQ(inner.get(), &inner_pool);
  EXPECT_EQ(outer.get(), &outer_pool);
}

TEST(Spawn, EveryBodyRunsExactlyOnce) {
  std::atomic<int> counter{0};
  const int count = 5000;
  {
    vt::ThreadPool pool(2);
    std::vector<vt::Task<>> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i)
      tasks.push_back(pool.spawn(count_into, counter));
    vt::when_all(std::move(tasks)).get();
  }
  EXPECT_EQ(counter.load(), count);
}

TEST(Spawn, PoolDestructionRunsSpawnedWorkStillQueued) {
  // The pool's rule: destroying it runs everything still queued. Spawned,
  // never-awaited work is queued work.
  std::atomic<int> counter{0};
  const int count = 300;
  std::vector<vt::Task<>> tasks;
  {
    std::atomic<bool> release{false}; // Outlives the pool, whose destructor runs the blocker.
    vt::ThreadPool pool(1);
    vt::Task<> blocker = pool.run([&] {
      while (!release.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    for (int i = 0; i < count; ++i)
      tasks.push_back(pool.spawn(count_into, counter));
    EXPECT_EQ(counter.load(), 0);
    release.store(true);
  }
  EXPECT_EQ(counter.load(), count);
  for (auto &task : tasks)
    EXPECT_TRUE(task.is_completed_successfully());
}

/// Counts the live copies of itself: a copy lives in each coroutine frame
/// (a by-value parameter), so `live` returns to 0 only if every frame is
/// freed, and ASan/TSan see a frame freed twice or while still in use.
struct Tracked {
  static inline std::atomic<int> live{0};
  Tracked() noexcept { live.fetch_add(1, std::memory_order_relaxed); }
  Tracked(const Tracked &) noexcept { live.fetch_add(1, std::memory_order_relaxed); }
  ~Tracked() { live.fetch_sub(1, std::memory_order_relaxed); }
};

vt::Task<int> finish_soon(Tracked, int spins, bool fault) {
  std::atomic<int> sink{0}; // A delay the optimiser keeps.
  for (int i = 0; i < spins; ++i)
    sink.store(i, std::memory_order_relaxed);
  if (fault)
    throw std::runtime_error("lost");
  co_return spins;
}

TEST(Spawn, AHandleDroppedWhileTheTaskCompletesFreesTheFrameOnce) {
  // task_state.hpp, Lifetime: the last handle and the completing coroutine
  // race on one word, and exactly one of them frees the frame. The spins
  // vary so that the drop lands before, during and after the completion.
  std::atomic<int> reports{0};
  vt::set_unobserved_handler([&](std::string_view) { reports.fetch_add(1); });
  const int count = 20000;
  int faults = 0;
  {
    vt::ThreadPool pool(2);
    for (int i = 0; i < count; ++i) {
      const bool fault = i % 7 == 0;
      faults += fault;
      vt::Task<int> task = pool.spawn(finish_soon, Tracked{}, (i * 37) % 200, fault);
      if (i % 3 == 0) { // A second handle, dropped first, on another path.
        vt::Task<int> copy = task;
        (void)copy;
      }
    } // Each handle goes here, usually while its task is queued or running.
  }   // Runs everything still queued.
  vt::set_unobserved_handler(nullptr);
  EXPECT_EQ(Tracked::live.load(), 0);
  // Every fault was lost with its handles, and each is reported once, by
  // whichever side freed the frame.
  EXPECT_EQ(reports.load(), faults);
}

TEST(Spawn, AHandleDroppedAfterCompletionFreesTheFrame) {
  {
    vt::ThreadPool pool(2);
    vt::Task<int> task = pool.spawn(finish_soon, Tracked{}, 10, false);
    EXPECT_EQ(task.get(), 10);
    EXPECT_EQ(Tracked::live.load(), 1); // The frame's copy, held by the handle.
  }
  EXPECT_EQ(Tracked::live.load(), 0);
}

} // namespace
