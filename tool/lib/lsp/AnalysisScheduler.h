//===--- AnalysisScheduler.h - debounced analysis off the reader thread ---===//
//
// Analysing a translation unit takes a parse (often a second or more), so it
// runs on a worker thread: the reader keeps answering requests (shutdown,
// codeAction) and keeps applying edits while it runs.
//
// Protocol:
//  1. The reader calls schedule(Uri, Delay) on every open/change/save. A
//     document has at most one pending entry; a newer schedule replaces its
//     due time, so a burst of keystrokes is analysed once, Delay after the
//     last one (the debounce).
//  2. The worker sleeps until the earliest due entry, removes it and calls
//     the runner with its URI, without holding the scheduler's lock.
//  3. The runner snapshots the document's current text and version, analyses
//     them and publishes only if that version is still current: an edit made
//     meanwhile has scheduled a newer run (step 1), which supersedes this one.
//  4. cancel(Uri) drops a pending entry (didClose). close() drops them all
//     and refuses new ones without waiting (shutdown must answer at once);
//     stop() closes, lets a running analysis finish and joins the worker.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_ANALYSISSCHEDULER_H
#define VTLINT_TOOL_LSP_ANALYSISSCHEDULER_H

#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace vtlint::lsp {

class AnalysisScheduler {
public:
  using Clock = std::chrono::steady_clock;
  using Runner = std::function<void(const std::string &Uri)>;

  explicit AnalysisScheduler(Runner Run);
  ~AnalysisScheduler();
  AnalysisScheduler(const AnalysisScheduler &) = delete;
  AnalysisScheduler &operator=(const AnalysisScheduler &) = delete;

  void schedule(llvm::StringRef Uri, std::chrono::milliseconds Delay);
  void cancel(llvm::StringRef Uri);
  void close();
  void stop();
  /// Blocks until nothing is pending or running (tests use it to wait).
  void waitUntilIdle();

private:
  void work();

  Runner Run;
  std::mutex Lock; // Guards Pending, Running and Stopping.
  std::condition_variable Changed; // Signalled on every change of those.
  std::map<std::string, Clock::time_point, std::less<>> Pending;
  bool Running = false;
  bool Stopping = false;
  std::thread Worker; // Started last, after every member it reads.
};

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_ANALYSISSCHEDULER_H
