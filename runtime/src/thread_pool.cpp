// vt::ThreadPool over its private core (pool_core.hpp lists the mechanisms
// and where each protocol is written out).
#include <vt/thread_pool.hpp>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "pool_core.hpp"

namespace vt::detail {
void post_global(ThreadPool &pool, std::coroutine_handle<> handle) { pool.core_->post_global(handle); }
} // namespace vt::detail

namespace vt {

ThreadPool::ThreadPool(unsigned threads) {
  if (threads == 0)
    throw std::invalid_argument("vt::ThreadPool: thread count must be at least 1");
  core_ = std::make_unique<detail::PoolCore>(*this, threads);
}

ThreadPool::~ThreadPool() { core_->shutdown(); }

ThreadPool &ThreadPool::default_pool() {
  // Never destroyed: continuations may be posted to it from other threads
  // (timer, user threads) while static destructors run at exit.
  static ThreadPool *const pool = new ThreadPool(std::max(1u, std::thread::hardware_concurrency()));
  return *pool;
}

unsigned ThreadPool::thread_count() const noexcept { return core_->thread_count(); }

ThreadPoolStats ThreadPool::stats() const noexcept { return core_->stats(); }

void ThreadPool::post(std::coroutine_handle<> handle) { core_->post(handle); }

} // namespace vt
