//===--- Fingerprint.cpp - a finding's identity that survives line moves -===//

#include "Fingerprint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace vtlint {

std::string normalizeSourceLine(llvm::StringRef Line) {
  std::string Result;
  bool PendingSpace = false;
  for (char C : Line.trim()) {
    if (llvm::isSpace(C)) {
      PendingSpace = true;
      continue;
    }
    if (PendingSpace)
      Result += ' ';
    PendingSpace = false;
    Result += C;
  }
  return Result;
}

std::string fingerprintFinding(llvm::StringRef Check, llvm::StringRef Message,
                               llvm::StringRef SourceLine) {
  // NUL separators: no field can contain one, so fields cannot run together.
  std::string Input = Check.str();
  Input += '\0';
  Input += Message;
  Input += '\0';
  Input += normalizeSourceLine(SourceLine);
  uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(Input));
  std::string Hex;
  llvm::raw_string_ostream(Hex) << llvm::format_hex_no_prefix(Hash, 16);
  return Hex;
}

} // namespace vtlint
