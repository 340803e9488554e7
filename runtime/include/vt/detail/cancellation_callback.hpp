// A registered cancellation callback: the node a CancellationState keeps in
// its list. Only CancellationState reads or writes the bookkeeping fields,
// always under its mutex (see runtime/src/cancellation_state.cpp).
#pragma once

#include <functional>
#include <utility>

namespace vt::detail {

class CancellationState;

class CancellationCallbackBase {
public:
  CancellationCallbackBase() = default;
  CancellationCallbackBase(const CancellationCallbackBase&) = delete;
  CancellationCallbackBase& operator=(const CancellationCallbackBase&) = delete;
  virtual ~CancellationCallbackBase() = default;

  virtual void invoke() = 0;

private:
  friend class CancellationState;

  /// listed -> running -> finished, or listed -> (unlinked and freed).
  enum class Phase : unsigned char { listed, running, finished };

  CancellationCallbackBase* newer_ = nullptr;
  CancellationCallbackBase* older_ = nullptr;
  Phase phase_ = Phase::listed;
  /// Set when the registration was disposed from inside this very callback:
  /// the canceling thread then frees the node once the callback returns.
  bool orphaned_ = false;
};

template <class F>
class CancellationCallback final : public CancellationCallbackBase {
public:
  template <class G>
  explicit CancellationCallback(G&& callback) : callback_(std::forward<G>(callback)) {}

  void invoke() override { std::invoke(callback_); }

private:
  F callback_;
};

} // namespace vt::detail
