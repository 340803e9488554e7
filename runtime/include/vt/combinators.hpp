// when_all and when_any over tasks.
#pragma once

#include <atomic>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include <vt/detail/continuation.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/task.hpp>

namespace vt {

namespace detail {

/// A void task contributes std::monostate to when_all's tuple.
template <typename T>
using WhenAllSlot = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <typename T>
WhenAllSlot<T> when_all_value(const Task<T> &task) {
  if constexpr (std::is_void_v<T>)
    return {};
  else
    return TaskAccess::state(task).value();
}

/// All inputs completed: rethrows the first fault in argument order (every
/// fault counts as observed, the combined task carries it on), else the
/// first cancellation; returns if all succeeded.
template <typename Range>
void rethrow_first_failure(const Range &states) {
  TaskStateBase *faulted = nullptr;
  TaskStateBase *canceled = nullptr;
  for (TaskStateBase *state : states) {
    if (state->status() == TaskStatus::faulted) {
      state->mark_observed();
      if (faulted == nullptr)
        faulted = state;
    } else if (state->status() == TaskStatus::canceled && canceled == nullptr) {
      canceled = state;
    }
  }
  if (faulted != nullptr)
    std::rethrow_exception(faulted->error());
  if (canceled != nullptr)
    std::rethrow_exception(canceled->error());
}

template <typename T>
std::vector<TaskStateBase *> states_of(const std::vector<Task<T>> &tasks) {
  std::vector<TaskStateBase *> states;
  states.reserve(tasks.size());
  for (const Task<T> &task : tasks)
    states.push_back(&TaskAccess::state(task));
  return states;
}

/// when_any's shared block: one continuation node per input, the result
/// state, and a count of nodes not yet fired (+1 while registering) that
/// decides who frees the block.
template <typename T>
class WhenAnyRace {
public:
  explicit WhenAnyRace(std::vector<Task<T>> tasks)
      : remaining_(tasks.size() + 1), winner_(new ManualTaskState<Task<T>>) {
    nodes_.reserve(tasks.size());
    for (Task<T> &task : tasks)
      nodes_.emplace_back(this, std::move(task));
  }

  /// The task returned to the caller; call before start().
  Task<Task<T>> result() noexcept {
    winner_->add_ref();
    return TaskAccess::adopt<Task<T>>(winner_);
  }

  /// Registers every node; may free this block before returning.
  void start() noexcept {
    for (Node &node : nodes_)
      if (!TaskAccess::state(node.task).add_continuation(&node))
        node.fire(&node); // Already complete: settle it here.
    finish_one();
  }

private:
  struct Node : Continuation {
    Node(WhenAnyRace *owner, Task<T> input) : race(owner), task(std::move(input)) { fire = &on_complete; }
    static void on_complete(Continuation *self) noexcept {
      auto *node = static_cast<Node *>(self);
      node->race->winner_->try_set_value(node->task); // First one wins.
      node->race->finish_one();
    }
    WhenAnyRace *race;
    Task<T> task;
  };

  void finish_one() noexcept {
    // acq_rel: the last one to finish frees the block and must see the
    // other finishers' writes to it.
    if (remaining_.fetch_sub(1, std::memory_order_acq_rel) == 1)
      delete this;
  }

  ~WhenAnyRace() { winner_->release(); }

  std::atomic<std::size_t> remaining_;
  ManualTaskState<Task<T>> *winner_;
  std::vector<Node> nodes_;
};

} // namespace detail

/// Completes when every input has; the values in argument order (a void
/// input gives std::monostate). If any input faulted, the first fault in
/// argument order; else if any was canceled, canceled.
template <typename... Ts>
Task<std::tuple<detail::WhenAllSlot<Ts>...>> when_all(Task<Ts>... tasks) {
  (co_await detail::CompletionAwaiter(&detail::TaskAccess::state(tasks)), ...);
  detail::rethrow_first_failure(std::initializer_list<detail::TaskStateBase *>{&detail::TaskAccess::state(tasks)...});
  co_return std::tuple<detail::WhenAllSlot<Ts>...>(detail::when_all_value(tasks)...);
}

/// As above, over a vector: the values in input order.
template <typename T>
  requires(!std::is_void_v<T>)
Task<std::vector<T>> when_all(std::vector<Task<T>> tasks) {
  for (const Task<T> &task : tasks)
    co_await detail::CompletionAwaiter(&detail::TaskAccess::state(task));
  detail::rethrow_first_failure(detail::states_of(tasks));
  std::vector<T> values;
  values.reserve(tasks.size());
  for (const Task<T> &task : tasks)
    values.push_back(detail::TaskAccess::state(task).value());
  co_return values;
}

/// As above for void tasks.
inline Task<> when_all(std::vector<Task<>> tasks) {
  for (const Task<> &task : tasks)
    co_await detail::CompletionAwaiter(&detail::TaskAccess::state(task));
  detail::rethrow_first_failure(detail::states_of(tasks));
}

/// Completes with the first input to complete (successfully or not; look at
/// the returned task). An empty vector throws std::invalid_argument.
template <typename T>
Task<Task<T>> when_any(std::vector<Task<T>> tasks) {
  if (tasks.empty())
    throw std::invalid_argument("vt::when_any: no tasks");
  for (const Task<T> &task : tasks)
    (void)detail::TaskAccess::state(task); // Empty handles throw here.
  auto *race = new detail::WhenAnyRace<T>(std::move(tasks));
  Task<Task<T>> result = race->result();
  race->start();
  return result;
}

} // namespace vt
