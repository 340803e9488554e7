//===--- Fingerprint.h - a finding's identity that survives line moves ---===//
//
// A baseline must keep matching a finding when lines are added or removed
// above it, so the fingerprint leaves the line number out: it hashes the
// check, the message (which names the variable) and the text of the line
// the finding is on, with runs of whitespace collapsed and the ends trimmed
// (re-indenting does not break the match either). Two identical findings on
// identical lines share a fingerprint; the baseline counts them.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_FINGERPRINT_H
#define VTLINT_TOOL_LIB_FINGERPRINT_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace vtlint {

/// The line with whitespace runs collapsed to one space and the ends trimmed.
std::string normalizeSourceLine(llvm::StringRef Line);

/// 16 lower-case hex digits (xxh3, 64 bits) of check, message and the
/// normalised line.
std::string fingerprintFinding(llvm::StringRef Check, llvm::StringRef Message,
                               llvm::StringRef SourceLine);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_FINGERPRINT_H
