// vt::CancellationToken and vt::OperationCanceledError.
#include <vt/cancellation_token.hpp>

#include <utility>

#include "cancellation_state.hpp"

namespace vt {

CancellationToken::CancellationToken(std::shared_ptr<detail::CancellationState> state) noexcept
    : state_(std::move(state)) {}

bool CancellationToken::source_requested() const noexcept { return state_->is_cancellation_requested(); }

bool CancellationToken::can_be_canceled() const noexcept {
  return state_ != nullptr && state_->can_be_canceled();
}

void CancellationToken::throw_canceled() const { throw OperationCanceledError(*this); }

std::size_t detail::registered_callback_count(const CancellationToken& token) noexcept {
  return token.state_ == nullptr ? 0 : token.state_->registered_callback_count();
}

OperationCanceledError::OperationCanceledError(CancellationToken token, const std::string& message)
    : std::runtime_error(message), token_(std::move(token)) {}

OperationCanceledError::OperationCanceledError(const std::string& message, CancellationToken token)
    : OperationCanceledError(std::move(token), message) {}

} // namespace vt
