// Cancellation under contention: cancel against register, unregister and
// dispose on several threads, many rounds. The invariants: a callback runs at
// most once; never if unregister() returned true; never starts after dispose
// returned; dispose never returns while its callback runs elsewhere.
#include <vt/cancellation.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace {

// Sanitized builds run about ten times slower; fewer rounds keep them quick.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define VT_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define VT_TEST_SANITIZED 1
#endif
#endif
#ifdef VT_TEST_SANITIZED
constexpr int rounds = 300;
#else
constexpr int rounds = 3000;
#endif

/// Runs `bodies` on their own threads, `rounds` times, all starting each round
/// together; `before` and `after` run alone around every round (set-up, then
/// checks and tear-down).
void run_rounds(std::vector<std::function<void()>> bodies, const std::function<void()>& before,
                const std::function<void()>& after) {
  std::barrier start(static_cast<std::ptrdiff_t>(bodies.size()) + 1);
  std::barrier finish(static_cast<std::ptrdiff_t>(bodies.size()) + 1);
  std::vector<std::thread> threads;
  for (auto& body : bodies)
    threads.emplace_back([&start, &finish, &body] {
      for (int round = 0; round < rounds; ++round) {
        start.arrive_and_wait();
        body();
        finish.arrive_and_wait();
      }
    });
  for (int round = 0; round < rounds; ++round) {
    before();
    start.arrive_and_wait();
    finish.arrive_and_wait();
    after();
  }
  for (auto& thread : threads)
    thread.join();
}

void yield_times(int count) {
  for (int i = 0; i < count; ++i)
    std::this_thread::yield();
}

/// Keeps a callback running long enough for a dispose to overlap it.
void spin_briefly() { yield_times(20); }

TEST(CancellationRace, CancelAgainstRegisterAndUnregister) {
  std::optional<vt::CancellationTokenSource> source;
  vt::CancellationToken token;
  int round = 0;

  // The unregistering thread.
  std::atomic<int> unregistered_runs{0};
  std::atomic<bool> unregister_result{false};
  // The thread that keeps its registration.
  std::atomic<int> kept_runs{0};
  std::optional<vt::CancellationRegistration> kept;

  // Varying head starts so each side wins in some rounds.
  auto cancel = [&] {
    yield_times(round % 16);
    source->cancel();
  };
  auto register_then_unregister = [&] {
    auto registration = token.register_callback([&] { unregistered_runs.fetch_add(1); });
    yield_times(round % 3);
    unregister_result = registration.unregister();
  };
  auto register_and_keep = [&] { kept = token.register_callback([&] { kept_runs.fetch_add(1); }); };

  int unregistered_before_running = 0;
  run_rounds(
      {cancel, register_then_unregister, register_and_keep},
      [&] {
        source.emplace();
        token = source->token();
        unregistered_runs = kept_runs = 0;
        unregister_result = false;
        ++round;
      },
      [&] {
        ASSERT_LE(unregistered_runs.load(), 1);
        if (unregister_result) {
          ++unregistered_before_running;
          ASSERT_EQ(unregistered_runs.load(), 0) << "ran although unregister() returned true";
        } else {
          ASSERT_EQ(unregistered_runs.load(), 1) << "unregister() returned false, so it must have run";
        }
        ASSERT_EQ(kept_runs.load(), 1) << "a live registration runs exactly once";
        kept.reset();
        source.reset();
      });
  // Both outcomes are legal and both should occur.
  EXPECT_GT(unregistered_before_running, 0);
  EXPECT_LT(unregistered_before_running, rounds);
  RecordProperty("unregistered_before_running", unregistered_before_running);
}

TEST(CancellationRace, DisposeNeverReturnsWhileItsCallbackRunsElsewhere) {
  std::optional<vt::CancellationTokenSource> source;
  std::optional<vt::CancellationRegistration> registration;
  std::atomic<int> runs{0};
  std::atomic<bool> callback_inside{false};
  std::atomic<bool> dispose_returned{false};
  std::atomic<int> started_after_dispose{0};
  std::atomic<int> returned_while_running{0};
  std::atomic<int> overlapped{0};
  int round = 0;

  auto cancel = [&] { source->cancel(); };
  auto dispose = [&] {
    // A varying head start lets the cancel reach the callback first in many
    // rounds, so dispose often lands while the callback runs.
    yield_times(round % 8);
    if (callback_inside)
      overlapped.fetch_add(1);
    registration.reset();
    dispose_returned = true;
    if (callback_inside)
      returned_while_running.fetch_add(1);
  };
  run_rounds(
      {cancel, dispose},
      [&] {
        ++round;
        source.emplace();
        runs = 0;
        dispose_returned = false;
        registration = source->token().register_callback([&] {
          runs.fetch_add(1);
          if (dispose_returned)
            started_after_dispose.fetch_add(1);
          callback_inside = true;
          spin_briefly();
          callback_inside = false;
        });
      },
      [&] {
        ASSERT_LE(runs.load(), 1);
        source.reset();
      });
  EXPECT_EQ(started_after_dispose.load(), 0);
  EXPECT_EQ(returned_while_running.load(), 0);
  RecordProperty("dispose_overlapped_a_running_callback", overlapped.load());
}

TEST(CancellationRace, MovesAgainstCancel) {
  // Registrations moved (relinked in place) while another thread cancels:
  // each callback still runs exactly once, none is lost or run twice.
  std::optional<vt::CancellationTokenSource> source;
  std::vector<vt::CancellationRegistration> registrations;
  std::vector<vt::CancellationRegistration> moved;
  std::vector<std::unique_ptr<std::atomic<int>>> runs;
  for (int i = 0; i < 8; ++i)
    runs.push_back(std::make_unique<std::atomic<int>>(0));
  auto cancel = [&] { source->cancel(); };
  auto move = [&] {
    for (auto& registration : registrations)
      moved.push_back(std::move(registration));
  };
  run_rounds(
      {cancel, move},
      [&] {
        source.emplace();
        moved.clear();
        moved.reserve(1); // Growing moves them again.
        for (auto& count : runs) {
          *count = 0;
          registrations.push_back(source->token().register_callback([&count] {
            count->fetch_add(1);
            std::this_thread::yield();
          }));
        }
      },
      [&] {
        for (auto& count : runs)
          ASSERT_EQ(count->load(), 1);
        registrations.clear();
        moved.clear();
        source.reset();
      });
}

TEST(CancellationRace, ConcurrentCancelsRunEachCallbackOnce) {
  std::optional<vt::CancellationTokenSource> source;
  std::vector<vt::CancellationRegistration> registrations;
  std::vector<std::unique_ptr<std::atomic<int>>> runs;
  for (int i = 0; i < 8; ++i)
    runs.push_back(std::make_unique<std::atomic<int>>(0));
  std::atomic<int> returned_early{0};
  auto cancel = [&] {
    source->cancel();
    // Only the first canceler runs callbacks, but every caller sees the flag.
    if (!source->is_cancellation_requested())
      returned_early.fetch_add(1);
  };
  run_rounds(
      {cancel, cancel, cancel},
      [&] {
        source.emplace();
        for (auto& count : runs) {
          *count = 0;
          registrations.push_back(source->token().register_callback([&count] { count->fetch_add(1); }));
        }
      },
      [&] {
        for (auto& count : runs)
          ASSERT_EQ(count->load(), 1);
        registrations.clear();
        source.reset();
      });
  EXPECT_EQ(returned_early.load(), 0);
}

TEST(CancellationRace, CallbackDisposingItselfWhileOthersDispose) {
  std::optional<vt::CancellationTokenSource> source;
  std::optional<vt::CancellationRegistration> self_disposing;
  std::optional<vt::CancellationRegistration> other;
  std::atomic<int> self_runs{0};
  std::atomic<int> other_runs{0};
  run_rounds(
      {[&] { source->cancel(); }, [&] { other.reset(); }},
      [&] {
        source.emplace();
        self_runs = other_runs = 0;
        self_disposing = source->token().register_callback([&] {
          self_runs.fetch_add(1);
          self_disposing.reset();
        });
        other = source->token().register_callback([&] { other_runs.fetch_add(1); });
      },
      [&] {
        ASSERT_EQ(self_runs.load(), 1);
        ASSERT_LE(other_runs.load(), 1);
        ASSERT_FALSE(self_disposing.has_value());
        source.reset();
      });
}

TEST(CancellationRace, ParentCancelAgainstLinkedDestruction) {
  std::optional<vt::CancellationTokenSource> parent;
  std::optional<vt::CancellationTokenSource> linked;
  vt::CancellationToken linked_token;
  std::optional<vt::CancellationRegistration> linked_registration;
  std::atomic<int> linked_runs{0};
  run_rounds(
      {[&] { parent->cancel(); }, [&] { linked.reset(); }},
      [&] {
        parent.emplace();
        linked.emplace(vt::CancellationTokenSource::create_linked({parent->token()}));
        linked_token = linked->token();
        linked_runs = 0;
        linked_registration = linked_token.register_callback([&] { linked_runs.fetch_add(1); });
      },
      [&] {
        ASSERT_LE(linked_runs.load(), 1);
        ASSERT_EQ(linked_runs.load() == 1, linked_token.is_cancellation_requested());
        linked_registration.reset();
        linked_token = {};
        parent.reset();
      });
}

TEST(CancellationRace, TimerCancelAgainstSourceDestruction) {
  std::optional<vt::CancellationTokenSource> source;
  vt::CancellationToken token;
  std::optional<vt::CancellationRegistration> registration;
  std::atomic<int> runs{0};
  run_rounds(
      {[&] {
        source->cancel_after(std::chrono::milliseconds(0));
        std::this_thread::yield();
        source.reset();
      }},
      [&] {
        source.emplace();
        token = source->token();
        runs = 0;
        registration = token.register_callback([&] { runs.fetch_add(1); });
      },
      [&] {
        // Either the timer won (canceled; the callback runs once) or the
        // destruction did (never canceled, never run). The timer thread may
        // still be between setting the flag and running the callback when
        // the round ends, so a canceled token gets a bounded wait.
        ASSERT_LE(runs.load(), 1);
        if (token.is_cancellation_requested()) {
          const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
          while (runs.load() == 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::yield();
          ASSERT_EQ(runs.load(), 1);
        } else {
          ASSERT_EQ(runs.load(), 0);
        }
        registration.reset();
        token = {};
      });
}

TEST(CancellationRace, IsCancellationRequestedPublishesCancelersWrites) {
  // The release/acquire pair on the requested flag: data written before
  // cancel() is visible to a thread that observes the cancellation.
  for (int round = 0; round < rounds; ++round) {
    vt::CancellationTokenSource source;
    const vt::CancellationToken token = source.token();
    int payload = 0;
    std::thread reader([&] {
      while (!token.is_cancellation_requested())
        std::this_thread::yield();
      EXPECT_EQ(payload, 42);
    });
    payload = 42;
    source.cancel();
    reader.join();
  }
}

} // namespace
