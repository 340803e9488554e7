//===--- Progress.h - one self-rewriting line on a terminal --------------===//

#ifndef VTLINT_TOOL_LIB_PROGRESS_H
#define VTLINT_TOOL_LIB_PROGRESS_H

#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <mutex>

namespace vtlint {

/// "vtlint: [ 7/20] 3 findings, 0:04 elapsed, ~0:07 left", redrawn with a
/// carriage return as files finish and erased at the end. Does nothing when
/// disabled (stderr is not a terminal, --quiet, or a single file), so logs
/// and pipes never see control characters. Thread-safe.
class ProgressBar {
public:
  ProgressBar(llvm::raw_ostream &Out, unsigned Total, bool Enabled);
  ~ProgressBar();

  void fileDone(unsigned NewFindings);

private:
  void draw();
  void erase();

  llvm::raw_ostream &Out;
  const unsigned Total;
  const bool Enabled;
  const std::chrono::steady_clock::time_point Start;
  std::mutex Mutex; // guards Done, Findings, Width and drawing
  unsigned Done = 0;
  unsigned Findings = 0;
  size_t Width = 0; // of the last line drawn, to erase it
};

/// Whether a progress bar belongs on stderr: it is a terminal.
bool stderrIsTerminal();

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_PROGRESS_H
