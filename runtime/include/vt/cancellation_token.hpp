// vt::CancellationToken and vt::OperationCanceledError.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include <vt/cancellation_registration.hpp>

namespace vt {

class CancellationToken;

namespace detail {
/// Diagnostics and tests: how many callbacks are registered on `token`'s
/// source and have not started (0 for none()). Shows, for instance, that a
/// destroyed linked source left no callback behind on its parents.
std::size_t registered_callback_count(const CancellationToken& token) noexcept;
} // namespace detail

/// A cheap, copyable view of a CancellationTokenSource. A default-constructed
/// token equals CancellationToken::none(): it is never canceled.
class CancellationToken {
public:
  CancellationToken() noexcept = default;
  static CancellationToken none() noexcept { return {}; }

  // The checks test for none() inline: the common empty token costs a null
  // test, not a call (ThreadPool::run checks its token on every fork).
  bool is_cancellation_requested() const noexcept { return state_ != nullptr && source_requested(); }
  /// False for none() and for a token whose source was destroyed without
  /// canceling; such a token can never become canceled.
  bool can_be_canceled() const noexcept;
  /// Throws OperationCanceledError carrying this token if canceled.
  void throw_if_cancellation_requested() const {
    if (is_cancellation_requested()) [[unlikely]]
      throw_canceled();
  }

  /// Registers `callback` (invocable with no arguments) to run once when the
  /// token is canceled, synchronously on the canceling thread; callbacks run
  /// newest first. If the token is already canceled the callback runs at once
  /// on this thread and the returned registration is empty. An exception the
  /// callback throws then propagates from here.
  template <class F>
  [[nodiscard("destroying the registration unregisters the callback")]]
  CancellationRegistration register_callback(F&& callback) const;

  /// Tokens are equal when they come from the same source (or both are none).
  friend bool operator==(const CancellationToken&, const CancellationToken&) noexcept = default;

private:
  friend class CancellationTokenSource;
  friend std::size_t detail::registered_callback_count(const CancellationToken& token) noexcept;
  explicit CancellationToken(std::shared_ptr<detail::CancellationState> state) noexcept;

  bool source_requested() const noexcept; // state_ != nullptr
  [[noreturn]] void throw_canceled() const;

  std::shared_ptr<detail::CancellationState> state_;
};

/// Thrown when an operation stops because its token was canceled.
class OperationCanceledError : public std::runtime_error {
public:
  explicit OperationCanceledError(CancellationToken token = {},
                                  const std::string& message = "the operation was canceled");
  /// With a message of one's own, as .NET's OperationCanceledException(string).
  explicit OperationCanceledError(const std::string& message, CancellationToken token = {});
  /// The token that caused the cancellation (none() if unknown).
  const CancellationToken& token() const noexcept { return token_; }

private:
  CancellationToken token_;
};

template <class F>
CancellationRegistration CancellationToken::register_callback(F&& callback) const {
  using Callback = std::decay_t<F>;
  static_assert(std::is_invocable_v<Callback&>, "a cancellation callback takes no arguments");
  if (!can_be_canceled())
    return {};
  // Register step 2: already canceled, so run it here. A cancel that lands
  // after this check is handled by the registration's constructor (step 3).
  if (is_cancellation_requested()) {
    std::invoke(callback);
    return {};
  }
  return CancellationRegistration(std::in_place_type<Callback>, state_, std::forward<F>(callback));
}

} // namespace vt
