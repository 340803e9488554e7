//===--- lsp_fuzzer.cpp - LSP framing, JSON-RPC and the server's dispatch --===//
//
// The input is the byte stream an editor sends: Content-Length framing,
// JSON bodies, any methods and params in any order. It runs through the real
// transport and server with a fake analyser (one finding with a fix at the
// start of every non-empty document, so diagnostics, positions and code
// actions are exercised without parsing C++). Any input must end the session
// with exit code 0 or 1, never a crash or a hang.
//
//===----------------------------------------------------------------------===//

#include "lsp/DocumentStore.h"
#include "lsp/Server.h"
#include "lsp/Transport.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <sstream>

namespace {

llvm::Expected<vtlint::FileResult> fakeAnalysis(const vtlint::lsp::Document &Doc,
                                               const std::atomic<bool> & /*Cancelled*/) {
  vtlint::FileResult Result;
  Result.File = Doc.Path;
  if (Doc.Text.empty())
    return Result;
  vtlint::Finding Found;
  Found.Check = "valuetask-unawaited";
  Found.Message = "fuzz finding";
  Found.Location = {Doc.Path, 1, 1, 0};
  vtlint::FixEdit Fix;
  Fix.File = Doc.Path;
  Fix.Length = 1;
  Fix.Replacement = "(void)";
  Fix.Begin = Found.Location;
  Fix.End = {Doc.Path, 1, 2, 1};
  Found.Fixes.push_back(Fix);
  Result.Findings.push_back(Found);
  return Result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::istringstream Input(std::string(reinterpret_cast<const char *>(Data), Size));
  vtlint::lsp::MessageReader Reader(Input);
  std::string Replies;
  llvm::raw_string_ostream Output(Replies);
  vtlint::lsp::MessageWriter Writer(Output);
  vtlint::lsp::ServerOptions Options;
  Options.ChangeDelay = std::chrono::milliseconds(0);
  vtlint::lsp::Server Server(Writer, fakeAnalysis, Options);
  int ExitCode = vtlint::lsp::serve(Reader, Server);
  if (ExitCode != 0 && ExitCode != 1)
    std::abort();
  return 0;
}
