// Semantic 7: work from outside the pool goes to the global queue (FIFO;
// a worker moves its share to its deque in one batch, oldest still first);
// work from a pool worker goes to its local queue, taken newest first
// (LIFO); an idle worker steals the oldest item of a busy one (FIFO), one at
// a time; sleeping workers are woken by global and by local pushes.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct OrderLog {
  std::mutex mutex;
  std::vector<int> items;
  void add(int item) {
    std::lock_guard lock(mutex);
    items.push_back(item);
  }
  void print(const char *what) {
    std::printf("%s:", what);
    for (int item : items)
      std::printf(" %d", item);
    std::printf("\n");
  }
};

void print_stats(const vt::ThreadPool &pool) {
  vt::ThreadPoolStats s = pool.stats();
  std::printf("stats: global_pushes=%llu local_pushes=%llu local_pops=%llu global_pops=%llu steals=%llu\n",
              (unsigned long long)s.global_pushes, (unsigned long long)s.local_pushes,
              (unsigned long long)s.local_pops, (unsigned long long)s.global_pops, (unsigned long long)s.steals);
}

void local_lifo() {
  vt::ThreadPool pool(1);
  OrderLog order;
  std::vector<vt::Task<>> items;
  pool.run([&] {
    for (int i = 1; i <= 5; ++i)
      items.push_back(pool.run([&order, i] { order.add(i); }));
  }).get();
  for (auto &item : items)
    item.get();
  order.print("local queue, one worker");
  print_stats(pool);
}

void global_fifo() {
  vt::ThreadPool pool(1);
  OrderLog order;
  std::atomic<bool> release{false};
  vt::Task<> blocker = pool.run([&] {
    while (!release.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  std::vector<vt::Task<>> items;
  for (int i = 1; i <= 5; ++i)
    items.push_back(pool.run([&order, i] { order.add(i); }));
  release.store(true);
  blocker.get();
  for (auto &item : items)
    item.get();
  order.print("global queue");
  // How many of the five went through the worker's deque depends on when it
  // woke: the global batch moves all it finds (the blocker included) at once.
  vt::ThreadPoolStats s = pool.stats();
  std::printf("stats: global_pushes=%llu global_pops=%llu, moved to the deque and run from it: %s\n",
              (unsigned long long)s.global_pushes, (unsigned long long)s.global_pops,
              s.local_pushes == s.local_pops && s.local_pushes >= 4 && s.steals == 0 ? "yes" : "no");
}

void steal_fifo() {
  vt::ThreadPool pool(2);
  OrderLog order;
  std::atomic<int> done{0};
  std::atomic<int> ran_on_owner{0};
  pool.run([&] {
    std::thread::id owner = std::this_thread::get_id();
    for (int i = 1; i <= 5; ++i)
      (void)pool.run([&, i, owner] {
        order.add(i);
        if (std::this_thread::get_id() == owner)
          ran_on_owner.fetch_add(1);
        done.fetch_add(1);
      });
    // Stay busy (without running queued work) until the thief took all five.
    while (done.load() < 5)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }).get();
  order.print("stolen from a busy worker");
  std::printf("ran on the owner: %d\n", ran_on_owner.load());
  print_stats(pool);
}

// Each round the thief has time to fall asleep; only a wake-up on the local
// push lets the round finish (the owner spins without running queued work).
void no_lost_wakeups() {
  vt::ThreadPool pool(2);
  constexpr int kRounds = 300;
  for (int round = 0; round < kRounds; ++round) {
    std::this_thread::sleep_for(std::chrono::microseconds(round % 3 == 0 ? 300 : 20));
    pool.run([&] {
      vt::Task<int> item = pool.run([] { return 1; });
      while (!item.is_completed())
        std::this_thread::yield();
    }).get();
  }
  vt::ThreadPoolStats s = pool.stats();
  std::printf("wake-up rounds: %d, every item stolen: %s\n", kRounds, s.steals == kRounds ? "yes" : "no");
}

int main() {
  local_lifo();
  // CHECK: local queue, one worker: 5 4 3 2 1
  // CHECK-NEXT: stats: global_pushes=1 local_pushes=5 local_pops=5 global_pops=1 steals=0
  global_fifo();
  // CHECK-NEXT: global queue: 1 2 3 4 5
  // CHECK-NEXT: stats: global_pushes=6 global_pops=6, moved to the deque and run from it: yes
  steal_fifo();
  // CHECK-NEXT: stolen from a busy worker: 1 2 3 4 5
  // CHECK-NEXT: ran on the owner: 0
  // CHECK-NEXT: stats: global_pushes=1 local_pushes=5 local_pops=0 global_pops=1 steals=5
  no_lost_wakeups();
  // CHECK-NEXT: wake-up rounds: 300, every item stolen: yes
}
