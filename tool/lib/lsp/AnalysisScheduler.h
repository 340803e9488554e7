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
//     last one (the debounce). debounce(Uri, Longest) picks that Delay for
//     an edit: none when Uri's last complete analysis took less than
//     Longest (it would be over before a longer pause), else Longest.
//  2. The worker sleeps until the earliest due entry, removes it and calls
//     the runner with its URI and a fresh cancellation flag, without
//     holding the scheduler's lock.
//  3. A schedule or cancel of the URI being analysed sets that flag: the
//     running analysis is stale, and stops early instead of holding the
//     worker (the newer entry runs as soon as it is due).
//  4. The runner snapshots the document's current text and version, analyses
//     them and publishes only if that version is still current and its flag
//     is not set: an edit made meanwhile has scheduled a newer run (step 1),
//     which supersedes this one.
//  5. cancel(Uri) drops a pending entry (didClose). close() drops them all,
//     cancels the running one and refuses new ones without waiting
//     (shutdown must answer at once); stop() closes, lets the running
//     analysis return and joins the worker.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_ANALYSISSCHEDULER_H
#define VTLINT_TOOL_LSP_ANALYSISSCHEDULER_H

#include "llvm/ADT/StringRef.h"
#include <atomic>
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
  using Runner = std::function<void(const std::string &Uri, const std::atomic<bool> &Cancelled)>;

  explicit AnalysisScheduler(Runner Run);
  ~AnalysisScheduler();
  AnalysisScheduler(const AnalysisScheduler &) = delete;
  AnalysisScheduler &operator=(const AnalysisScheduler &) = delete;

  void schedule(llvm::StringRef Uri, std::chrono::milliseconds Delay);
  /// The delay for an edit of Uri: 0 or Longest (step 1).
  std::chrono::milliseconds debounce(llvm::StringRef Uri, std::chrono::milliseconds Longest);
  void cancel(llvm::StringRef Uri);
  void close();
  void stop();
  /// Blocks until nothing is pending or running (tests use it to wait).
  void waitUntilIdle();

private:
  void work();
  /// Step 3 (Lock held).
  void cancelRunning(llvm::StringRef Uri);

  Runner Run;
  std::mutex Lock; // Guards every member below but Worker.
  std::condition_variable Changed; // Signalled on every change of those.
  std::map<std::string, Clock::time_point, std::less<>> Pending;
  bool Running = false;
  std::string RunningUri;
  std::atomic<bool> *RunningCancelled = nullptr; // On the worker's stack.
  /// How long each document's last analysis that ran to its end took.
  std::map<std::string, Clock::duration, std::less<>> LastAnalysis;
  bool Stopping = false;
  std::thread Worker; // Started last, after every member it reads.
};

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_ANALYSISSCHEDULER_H
