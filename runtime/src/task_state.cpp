// The non-template parts of the task state: classifying and reporting.
#include <vt/detail/task_state.hpp>

#include <exception>
#include <string>

#include <vt/cancellation_token.hpp>
#include <vt/unobserved.hpp>

namespace vt::detail {

bool is_cancellation(const std::exception_ptr &error) noexcept {
  try {
    std::rethrow_exception(error);
  } catch (const OperationCanceledError &) {
    return true;
  } catch (...) {
    return false;
  }
}

void report_unobserved_fault(const std::exception_ptr &error) noexcept {
  std::string message = "a faulted vt::Task was destroyed without its exception being observed: ";
  try {
    std::rethrow_exception(error);
  } catch (const std::exception &e) {
    message += e.what();
  } catch (...) {
    message += "(an exception not derived from std::exception)";
  }
  report_unobserved(message);
}

} // namespace vt::detail
