//===--- Uri.cpp - file:// URIs <-> local paths ---------------------------===//

#include "Uri.h"

#include "llvm/ADT/StringExtras.h"

namespace vtlint::lsp {
namespace {

bool isUnreservedOrSlash(char C) {
  return llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/';
}

std::optional<std::string> percentDecode(llvm::StringRef Encoded) {
  std::string Decoded;
  Decoded.reserve(Encoded.size());
  for (std::size_t I = 0; I < Encoded.size(); ++I) {
    if (Encoded[I] != '%') {
      Decoded.push_back(Encoded[I]);
      continue;
    }
    if (I + 2 >= Encoded.size() || !llvm::isHexDigit(Encoded[I + 1]) ||
        !llvm::isHexDigit(Encoded[I + 2]))
      return std::nullopt;
    Decoded.push_back(static_cast<char>(llvm::hexFromNibbles(Encoded[I + 1], Encoded[I + 2])));
    I += 2;
  }
  return Decoded;
}

} // namespace

std::optional<std::string> pathFromFileUri(llvm::StringRef Uri) {
  if (!Uri.consume_front_insensitive("file://"))
    return std::nullopt;
  // "file:///p" has an empty authority; "file://localhost/p" names this
  // machine too. Any other host is a remote file we cannot read.
  std::size_t Slash = Uri.find('/');
  if (Slash == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Authority = Uri.take_front(Slash);
  if (!Authority.empty() && !Authority.equals_insensitive("localhost"))
    return std::nullopt;
  llvm::StringRef EncodedPath = Uri.drop_front(Slash);
  // A query or fragment is not part of the path.
  EncodedPath = EncodedPath.take_until([](char C) { return C == '?' || C == '#'; });
  std::optional<std::string> Path = percentDecode(EncodedPath);
  if (!Path || Path->find('\0') != std::string::npos)
    return std::nullopt;
  return Path;
}

std::string fileUriFromPath(llvm::StringRef AbsolutePath) {
  std::string Uri = "file://";
  for (char C : AbsolutePath) {
    if (isUnreservedOrSlash(C)) {
      Uri.push_back(C);
      continue;
    }
    Uri.push_back('%');
    Uri.push_back(llvm::hexdigit(static_cast<unsigned char>(C) >> 4));
    Uri.push_back(llvm::hexdigit(static_cast<unsigned char>(C) & 0xF));
  }
  return Uri;
}

} // namespace vtlint::lsp
