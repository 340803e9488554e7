// The interface behind a source-backed vt::ValueTask: something that
// completes once per version and hands its result to exactly one consumer
// (a ValueTask coroutine's frame, a ManualResetValueTaskSource).
#pragma once

#include <cstdint>
#include <utility>

#include <vt/detail/continuation.hpp>
#include <vt/detail/task_state.hpp>

namespace vt::detail {

template <typename T>
class ValueTaskSource {
public:
  /// pending or the outcome. Throws InvalidOperationError if `version` is
  /// stale (the source was reset since the value task was made).
  virtual TaskStatus status(std::uint64_t version) const = 0;
  /// For destructors: true if `version` is current and not completed.
  virtual bool is_pending(std::uint64_t version) const noexcept = 0;
  /// False (node not kept) if already completed.
  virtual bool add_continuation(Continuation *node, std::uint64_t version) = 0;
  /// Completed only: moves the value out, or rethrows the fault.
  virtual T take_result(std::uint64_t version) = 0;
  /// The value task bound to `version` is gone (frames free themselves).
  virtual void release(std::uint64_t version) noexcept = 0;

protected:
  ~ValueTaskSource() = default;
};

/// A value task's owning reference to one version of a source.
template <typename T>
class SourceRef {
public:
  SourceRef(ValueTaskSource<T> *source, std::uint64_t version) noexcept
      : source_(source), version_(version) {}
  SourceRef(SourceRef &&other) noexcept
      : source_(std::exchange(other.source_, nullptr)), version_(other.version_) {}
  SourceRef &operator=(SourceRef &&other) noexcept {
    if (this != &other) {
      drop();
      source_ = std::exchange(other.source_, nullptr);
      version_ = other.version_;
    }
    return *this;
  }
  ~SourceRef() { drop(); }

  ValueTaskSource<T> *operator->() const noexcept { return source_; }
  std::uint64_t version() const noexcept { return version_; }
  explicit operator bool() const noexcept { return source_ != nullptr; }

private:
  void drop() noexcept {
    if (source_ != nullptr)
      std::exchange(source_, nullptr)->release(version_);
  }

  ValueTaskSource<T> *source_;
  std::uint64_t version_;
};

} // namespace vt::detail
