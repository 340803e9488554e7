// The profile file written by vt::profile (VT_PROFILE=path) and read by the
// valuetask-low-sync-rate and valuetask-prefer-valuetask checks. One parser
// and one writer, shared by the runtime (to merge runs) and the checks.
// The format is documented in docs/profile.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vt::detail {

inline constexpr int profile_format_version = 1;
inline constexpr std::string_view profile_format_name = "vt-profile";

/// What a profiled function returns.
enum class ProfiledKind : std::uint8_t { task, value_task };

/// One function's counts. Entries are keyed by (signature, file, kind) and,
/// for a lambda, its line (every lambda of a function has the same
/// signature): merging two profiles adds the counts of equal keys.
struct ProfileEntry {
  std::string function;  // qualified name, e.g. "shop::Catalog::get_product"
  std::string signature; // the compiler's function_name(), templates' "[T = ...]" dropped
  std::string file;      // as the compiler spelled it (may be relative)
  std::uint32_t line = 0; // a line inside the function (the smallest seen)
  ProfiledKind kind = ProfiledKind::task;
  std::uint64_t calls = 0;
  std::uint64_t sync = 0; // calls complete when first awaited or inspected
};

/// How many lambdas deep a signature is: 0 for a named function, 2 for a
/// lambda in a lambda. clang spells each "(anonymous class)::operator()",
/// GCC "<lambda(int)>".
unsigned lambda_depth(std::string_view signature) noexcept;

/// A lambda's call operator.
inline bool is_lambda_signature(std::string_view signature) noexcept { return lambda_depth(signature) > 0; }

/// The line that is part of an entry's key: a lambda's own line, else 0 (a
/// named function's places and instantiations share one entry).
inline std::uint32_t key_line(std::string_view signature, std::uint32_t line) noexcept {
  return is_lambda_signature(signature) ? line : 0;
}

/// Parses a whole profile file. On failure returns false and sets `error`
/// to one line ("line 3: expected ':' after a key", "unsupported version 7").
bool parse_profile(std::string_view text, std::vector<ProfileEntry> &entries, std::string &error);

/// The file's text: entries sorted by file, line and signature.
std::string format_profile(std::vector<ProfileEntry> entries);

/// Adds `more` into `into`, summing entries with equal keys.
void merge_profile(std::vector<ProfileEntry> &into, const std::vector<ProfileEntry> &more);

/// The qualified name inside a compiler's function_name():
/// "vt::ValueTask<int> shop::Catalog::get(int) const" -> "shop::Catalog::get".
/// Template arguments are dropped ("Box<int>::get" -> "Box::get") and GCC's
/// "{anonymous}" is spelled "(anonymous namespace)" as clang does.
std::string qualified_name_of(std::string_view signature);

/// function_name() without the template-argument suffix clang (" [T = int]")
/// and GCC (" [with T = int]") add, so every instantiation shares an entry.
std::string_view signature_without_template_arguments(std::string_view signature);

} // namespace vt::detail
