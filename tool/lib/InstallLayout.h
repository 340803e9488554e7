//===--- InstallLayout.h - what vtlint finds beside its own executable ---===//
//
// An installed vtlint (the Debian package, or `cmake --install` to any
// prefix) finds its documentation and the vt runtime's headers under its own
// prefix, the parent of the directory that holds the executable:
// <prefix>/bin/vtlint, <prefix>/share/doc/vtlint, <prefix>/include/vt. So a
// copy unpacked anywhere (dpkg -x) needs no options. Run from its build tree,
// it falls back to the source checkout it was built from.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_INSTALLLAYOUT_H
#define VTLINT_TOOL_LIB_INSTALLLAYOUT_H

#include <string>

namespace vtlint {

/// The documentation's base URI, first of: $VTLINT_DOCS_URI, the
/// configure-time VTLINT_DOCS_URI, file:// of the installed docs, file:// of
/// the checkout's docs/.
std::string resolveDocumentationUri();

/// The vt runtime's include directory (installed, else the checkout's), or
/// an empty string when neither exists.
std::string resolveRuntimeIncludeDirectory();

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_INSTALLLAYOUT_H
