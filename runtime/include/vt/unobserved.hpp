// Reporting of results nobody looked at: a pending value task destroyed
// without being consumed, a faulted task whose exception was never observed.
#pragma once

#include <functional>
#include <string_view>

namespace vt {

/// Installs the handler that receives one message per unobserved event.
/// An empty function restores the default, which prints one warning line to
/// stderr. The handler may run on any thread, including pool workers.
void set_unobserved_handler(std::function<void(std::string_view)> handler);

namespace detail {
/// Delivers `message` to the current handler (never throws: an exception
/// escaping the handler is swallowed, since this runs in destructors).
void report_unobserved(std::string_view message) noexcept;
} // namespace detail

} // namespace vt
