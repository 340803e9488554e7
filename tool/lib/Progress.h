//===--- Progress.h - progress of a run on stderr -------------------------===//

#ifndef VTLINT_TOOL_LIB_PROGRESS_H
#define VTLINT_TOOL_LIB_PROGRESS_H

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace vtlint {

/// --progress: None prints nothing; Bar rewrites one line on a terminal;
/// Plain prints one line per finished file (CI logs).
enum class ProgressStyle { None, Bar, Plain };

/// "auto" is Bar on a terminal and None otherwise.
llvm::Expected<ProgressStyle> parseProgressStyle(llvm::StringRef Text,
                                                 bool StderrIsTerminal);

/// Bar: "vtlint: [ 7/20] 3 findings, 0:04 elapsed, ~0:07 left", redrawn with
/// a carriage return as files finish and once a second (so the elapsed time
/// moves during a long file), cut to the terminal's width (a wrapped line
/// cannot be rewritten and leaves stale copies), erased at the end.
/// Plain: "vtlint: [ 7/20] src/a.cpp: 2 findings" per finished file.
/// Nothing when None, or a Bar for a single file. Thread-safe.
class ProgressBar {
public:
  /// Columns: the terminal's width (0: unknown, take it from stderr).
  ProgressBar(llvm::raw_ostream &Out, unsigned Total, ProgressStyle Style,
              unsigned Columns = 0);
  ~ProgressBar();

  void fileDone(llvm::StringRef File, unsigned NewFindings, bool Compiled);

private:
  void draw();
  void erase();
  void tick();

  llvm::raw_ostream &Out;
  const unsigned Total;
  const ProgressStyle Style;
  unsigned Columns;
  const std::chrono::steady_clock::time_point Start;
  std::mutex Mutex; // guards everything below and the drawing
  std::condition_variable Stop;
  bool Stopping = false;
  unsigned Done = 0;
  unsigned Findings = 0;
  size_t Width = 0; // of the last line drawn, to erase it
  std::thread Ticker; // Bar only: redraws once a second
};

/// Whether a progress bar belongs on stderr: it is a terminal.
bool stderrIsTerminal();

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_PROGRESS_H
