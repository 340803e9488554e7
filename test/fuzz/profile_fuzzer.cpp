//===--- profile_fuzzer.cpp - the vt::profile file parser ------------------===//
//
// The input is a profile file (docs/profile.md), as `vtlint --profile` and
// the runtime's merge read it. A malformed one must be a one-line error,
// never a crash; one that parses must round-trip: the formatted text parses
// to the same entries and formats to the same text, and merging it into
// itself doubles every count (saturating at the maximum).
//
//===----------------------------------------------------------------------===//

#include <vt/detail/profile_format.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const char *what) {
  std::fprintf(stderr, "fuzz: %s\n", what);
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  std::vector<vt::detail::ProfileEntry> Entries;
  std::string Error;
  if (!vt::detail::parse_profile(Text, Entries, Error)) {
    if (Error.empty() || Error.find('\n') != std::string::npos)
      fail("a rejected profile needs a one-line error");
    return 0;
  }
  std::string Formatted = vt::detail::format_profile(Entries);
  std::vector<vt::detail::ProfileEntry> Again;
  if (!vt::detail::parse_profile(Formatted, Again, Error))
    fail("a formatted profile does not parse again");
  if (vt::detail::format_profile(Again) != Formatted)
    fail("a profile does not round-trip");

  // Keys are unique after parsing, so merging keeps the order and doubles
  // each count, saturating at the maximum as documented.
  std::vector<vt::detail::ProfileEntry> Doubled = Again;
  vt::detail::merge_profile(Doubled, Again);
  if (Doubled.size() != Again.size())
    fail("merging a profile into itself changed its entries");
  for (std::size_t I = 0; I < Again.size(); ++I) {
    std::uint64_t Calls = Again[I].calls;
    std::uint64_t Expected = Calls > UINT64_MAX / 2 ? UINT64_MAX : 2 * Calls;
    if (Doubled[I].calls != Expected || Doubled[I].sync > Doubled[I].calls)
      fail("merging a profile into itself does not double (saturating) its calls");
  }
  return 0;
}
