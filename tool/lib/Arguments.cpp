//===--- Arguments.cpp - what llvm::cl lets through but vtlint must not --===//

#include "Arguments.h"
#include "llvm/Support/CommandLine.h"

namespace vtlint {

std::optional<std::string> findUnknownOption(llvm::ArrayRef<const char *> Args) {
  namespace cl = llvm::cl;
  llvm::StringMap<cl::Option *> &Registered = cl::getRegisteredOptions();
  bool NextIsValue = false;
  for (const char *Raw : Args.drop_front()) {
    llvm::StringRef Arg(Raw);
    if (NextIsValue) {
      NextIsValue = false;
      continue;
    }
    if (!Arg.starts_with("-") || Arg == "-")
      continue; // a positional file
    llvm::StringRef Name = Arg.drop_front(Arg.starts_with("--") ? 2 : 1);
    auto [Key, Value] = Name.split('=');
    // llvm::cl adds its `-h` (an alias of --help) only while parsing.
    if (Key == "h")
      continue;
    auto Found = Registered.find(Key);
    if (Found != Registered.end()) {
      NextIsValue = !Name.contains('=') &&
                    Found->second->getValueExpectedFlag() == cl::ValueRequired;
      continue;
    }
    bool PrefixWithValue = llvm::any_of(Registered, [&](const auto &Entry) {
      return Entry.second->getFormattingFlag() == cl::Prefix &&
             !Entry.getKey().empty() && Key.size() > Entry.getKey().size() &&
             Key.starts_with(Entry.getKey());
    });
    if (!PrefixWithValue)
      return Arg.str();
  }
  return std::nullopt;
}

} // namespace vtlint
