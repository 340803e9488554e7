// What a vt::ValueTask holds, laid out by hand so that a ValueTask<int> is
// 16 bytes and, with clang, returned in two registers like a plain struct.
//
// Layout (x86-64, T = int):
//   bytes 0-7   union: the ready value | TaskState<T>* | ValueTaskSource<T>*
//   byte  8     kind: ready, task, frame (a ValueTask coroutine's own
//               frame) or source (a ManualResetValueTaskSource version)
//   byte  9     consumed (the ValueTask's flag; the awaiter ignores it)
//   bytes 10-11 unused, always 0
//   bytes 12-15 aux: for task and frame, the call's profiling site until
//               its first inspection (0: none); for source, the version
//               token (vt/detail/value_task_source.hpp). A frame is always
//               version 0, a task has none: the two never collide.
//
// [[clang::trivial_abi]] lets clang pass and return it in registers. It is
// sound here: the object holds no pointer into itself, and its destructor
// does the same wherever it runs (for a by-value parameter, in the callee).
// Clang ignores the attribute when T is not trivial for calls (a T with
// its own move constructor or destructor, such as std::string), so such a
// T is never moved bit by bit. g++ has no such attribute: it returns the
// object through memory, with the same layout.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

#include <vt/detail/profile_site.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/detail/value_task_source.hpp>

#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::trivial_abi)
#define VT_TRIVIAL_ABI [[clang::trivial_abi]]
#endif
#endif
#ifndef VT_TRIVIAL_ABI
#define VT_TRIVIAL_ABI
#endif

namespace vt {
template <typename T>
class ValueTask;
} // namespace vt

namespace vt::detail {

struct Unit {};
template <typename T>
using ReadySlot = std::conditional_t<std::is_void_v<T>, Unit, T>;

template <typename T>
class ValueTaskAwaiter;

/// Every switch over a BackingKind lists each kind (no `default:`), so
/// -Wswitch reports a switch that a new kind would fall through.
enum class BackingKind : std::uint8_t { ready, task, frame, source };

/// ValueTask's error messages, each worded once (tests match on them).
inline constexpr const char *value_task_consumed_message =
    "vt::ValueTask: the value task has already been consumed; a value task may be awaited (or its "
    "result read) only once";
inline constexpr const char *value_task_not_completed_message =
    "vt::ValueTask::result(): the value task has not completed yet; co_await it instead";
inline constexpr const char *task_backed_needs_copy_message =
    "vt::ValueTask: a task-backed value task needs a copyable value type";

struct ReadyTag {};
struct FrameTag {};

template <typename T>
class VT_TRIVIAL_ABI ValueTaskBacking {
public:
  template <typename... Args>
  explicit ValueTaskBacking(ReadyTag, Args &&...args) noexcept(
      std::is_nothrow_constructible_v<ReadySlot<T>, Args &&...>)
      : source_(nullptr), kind_(BackingKind::ready) {
    // source_ first: a small or empty T leaves the rest of the word
    // defined (free: the value's own store or register write covers it).
    std::construct_at(&value_, std::forward<Args>(args)...);
  }
  /// Takes over one reference to `task` (null: an empty Task handle).
  ValueTaskBacking(TaskState<T> *task, ProfileSiteId site) noexcept
      : task_(task), kind_(BackingKind::task), aux_(site) {}
  /// Takes over the value task's reference to a coroutine frame.
  ValueTaskBacking(FrameTag, ValueTaskSource<T> *frame, ProfileSiteId site) noexcept
      : source_(frame), kind_(BackingKind::frame), aux_(site) {}
  ValueTaskBacking(ValueTaskSource<T> *source, SourceToken token) noexcept
      : source_(source), kind_(BackingKind::source), aux_(token) {}

  ValueTaskBacking(const ValueTaskBacking &) = delete;
  ValueTaskBacking &operator=(const ValueTaskBacking &) = delete;

  /// `other` is left consumed, its site handed over.
  ValueTaskBacking(ValueTaskBacking &&other) noexcept(std::is_nothrow_move_constructible_v<ReadySlot<T>>) {
    take_from(other);
  }
  ValueTaskBacking &operator=(ValueTaskBacking &&other) noexcept(
      std::is_nothrow_move_constructible_v<ReadySlot<T>>) {
    if (this != &other) {
      destroy();
      // An empty task until the move below succeeds: a T whose move throws
      // leaves this backing destructible.
      kind_ = BackingKind::task;
      task_ = nullptr;
      take_from(other);
    }
    return *this;
  }
  ~ValueTaskBacking() { destroy(); }

private:
  template <typename>
  friend class vt::ValueTask;
  friend class ValueTaskAwaiter<T>;

  bool is_ready() const noexcept { return kind_ == BackingKind::ready; }
  /// The version a source-backed value task is bound to (frames: 0).
  SourceToken token() const noexcept { return kind_ == BackingKind::source ? aux_ : 0; }

  /// The profiling site, once (step 3 of vt/detail/profile_site.hpp).
  ProfileSiteId take_site() const noexcept {
    if (kind_ == BackingKind::task || kind_ == BackingKind::frame)
      return std::exchange(aux_, 0);
    return 0;
  }

  /// Drops the reference to the source once its result is taken (a
  /// reusable source may be reset or destroyed right after).
  void let_go_of_source() noexcept {
    if (source_ != nullptr)
      std::exchange(source_, nullptr)->release(token());
  }

  void take_from(ValueTaskBacking &other) noexcept(std::is_nothrow_move_constructible_v<ReadySlot<T>>) {
    switch (other.kind_) {
    case BackingKind::ready:
      std::construct_at(&value_, std::move(other.value_));
      break;
    case BackingKind::task:
      task_ = std::exchange(other.task_, nullptr);
      break;
    case BackingKind::frame:
    case BackingKind::source:
      source_ = std::exchange(other.source_, nullptr);
      break;
    }
    kind_ = other.kind_;
    consumed_ = std::exchange(other.consumed_, true);
    aux_ = std::exchange(other.aux_, other.kind_ == BackingKind::source ? other.aux_ : 0);
  }

  void destroy() noexcept {
    switch (kind_) {
    case BackingKind::ready:
      std::destroy_at(&value_);
      break;
    case BackingKind::task:
      if (task_ != nullptr)
        task_->release();
      break;
    case BackingKind::frame:
    case BackingKind::source:
      let_go_of_source();
      break;
    }
  }

  union {
    ReadySlot<T> value_;
    TaskState<T> *task_;
    ValueTaskSource<T> *source_;
  };
  BackingKind kind_;
  bool consumed_ = false;
  /// Always 0. Naming the two padding bytes lets the compiler copy bytes
  /// 8-15 as one register instead of field by field.
  std::uint16_t unused_ = 0;
  mutable std::uint32_t aux_ = 0;
};

} // namespace vt::detail
