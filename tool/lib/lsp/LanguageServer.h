//===--- LanguageServer.h - `vtlint --lsp`: the server over stdio ---------===//
//
// The entry point main() calls for --lsp. The protocol owns stdout: the
// server keeps a private descriptor for it and points descriptor 1 at
// stderr, so nothing else in the process (clang, a library, a stray print)
// can corrupt the message stream. Logs go to stderr, which editors show.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_LANGUAGESERVER_H
#define VTLINT_TOOL_LSP_LANGUAGESERVER_H

#include "CompileCommands.h"
#include "Configuration.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace vtlint::lsp {

struct LanguageServerOptions {
  CompileCommandSettings Commands;
  ConfigurationSettings Config;
  /// Source files named on the command line: the editor names the files,
  /// so any here is a usage error.
  std::vector<std::string> Files;
  /// `--profile=FILE`: the profile-guided checks advise from FILE (they
  /// reread it when it changes, so a new run of the program shows up).
  std::optional<std::string> ProfileFile;
};

/// Serves LSP on stdin/stdout until `exit` or the end of input. Returns the
/// exit code: 0 after shutdown, 1 without it, 2 for bad usage or a bad
/// configuration on the command line (one line on Err, nothing served).
int runLanguageServer(const LanguageServerOptions &Options, llvm::raw_ostream &Err);

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_LANGUAGESERVER_H
