// ThreadPool::spawn(fn, args...): the coroutine's frame is created on the
// caller (arguments copied in), its body starts on the pool; an ordinary
// function passed to spawn runs inline and only the first Task coroutine it
// starts is deferred. Every body runs exactly once.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace {

std::atomic<int> bodies{0};

vt::Task<int> square_on_pool(vt::ThreadPool &pool, int x) {
  ++bodies;
  if (vt::detail::current_pool() != &pool)
    throw std::logic_error("body ran off the pool");
  co_return x * x;
}

vt::Task<bool> on_a_worker() { co_return vt::detail::current_pool() != nullptr; }

vt::Task<int> fails() {
  ++bodies;
  throw std::runtime_error("spawned body failed");
  co_return 0;
}

} // namespace

int main() {
  vt::ThreadPool pool(1);
  std::atomic<bool> release{false};
  vt::Task<> blocker = pool.run([&] {
    while (!release.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });

  int x = 7;
  vt::Task<int> squared = pool.spawn(square_on_pool, pool, x);
  x = 0; // The frame has its own copy of x.
  std::printf("after spawn: completed %d, bodies %d\n", squared.is_completed(), bodies.load());
  // CHECK: after spawn: completed 0, bodies 0
  release.store(true);
  int result = squared.get(); // (Argument evaluation order is unspecified.)
  std::printf("result %d, bodies %d\n", result, bodies.load());
  // CHECK-NEXT: result 49, bodies 1
  result = squared.get();
  std::printf("awaited again %d, bodies %d\n", result, bodies.load());
  // CHECK-NEXT: awaited again 49, bodies 1

  vt::Task<int> failed = pool.spawn(fails);
  try {
    failed.get();
  } catch (const std::runtime_error &e) {
    std::printf("faulted %d: %s, bodies %d\n", failed.is_faulted(), e.what(), bodies.load());
  }
  // CHECK-NEXT: faulted 1: spawned body failed, bodies 2

  bool plain_code_on_worker = true;
  vt::Task<bool> via_plain = pool.spawn([&] {
    plain_code_on_worker = vt::detail::current_pool() != nullptr;
    return on_a_worker();
  });
  bool coroutine_on_worker = via_plain.get();
  std::printf("plain function on a worker %d, its coroutine on a worker %d\n", plain_code_on_worker,
              coroutine_on_worker);
  // CHECK-NEXT: plain function on a worker 0, its coroutine on a worker 1

  vt::Task<bool> eager = on_a_worker();
  std::printf("plain call afterwards runs eagerly on a worker %d\n", eager.get());
  // CHECK-NEXT: plain call afterwards runs eagerly on a worker 0

  blocker.get();
}
