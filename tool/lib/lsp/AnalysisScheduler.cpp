//===--- AnalysisScheduler.cpp - debounced analysis off the reader thread -===//

#include "AnalysisScheduler.h"

#include <algorithm>

namespace vtlint::lsp {

AnalysisScheduler::AnalysisScheduler(Runner Run)
    : Run(std::move(Run)), Worker([this] { work(); }) {}

AnalysisScheduler::~AnalysisScheduler() { stop(); }

void AnalysisScheduler::schedule(llvm::StringRef Uri, std::chrono::milliseconds Delay) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Stopping)
      return;
    Pending.insert_or_assign(Uri.str(), Clock::now() + Delay);
    cancelRunning(Uri);
  }
  Changed.notify_all();
}

std::chrono::milliseconds AnalysisScheduler::debounce(llvm::StringRef Uri,
                                                      std::chrono::milliseconds Longest) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto Last = LastAnalysis.find(Uri);
  if (Last != LastAnalysis.end() && Last->second < Longest)
    return std::chrono::milliseconds(0);
  return Longest;
}

void AnalysisScheduler::cancelRunning(llvm::StringRef Uri) {
  // Relaxed: the flag publishes no data; the runner only stops sooner.
  if (Running && RunningCancelled && RunningUri == Uri)
    RunningCancelled->store(true, std::memory_order_relaxed);
}

void AnalysisScheduler::cancel(llvm::StringRef Uri) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Pending.find(Uri);
    if (It != Pending.end())
      Pending.erase(It);
    cancelRunning(Uri);
    if (auto Last = LastAnalysis.find(Uri); Last != LastAnalysis.end())
      LastAnalysis.erase(Last);
  }
  Changed.notify_all();
}

void AnalysisScheduler::close() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stopping = true;
    Pending.clear();
    if (Running && RunningCancelled)
      RunningCancelled->store(true, std::memory_order_relaxed); // As in cancelRunning.
  }
  Changed.notify_all();
}

void AnalysisScheduler::stop() {
  close();
  if (Worker.joinable())
    Worker.join();
}

void AnalysisScheduler::waitUntilIdle() {
  std::unique_lock<std::mutex> Guard(Lock);
  Changed.wait(Guard, [this] { return Stopping || (Pending.empty() && !Running); });
}

void AnalysisScheduler::work() {
  std::unique_lock<std::mutex> Guard(Lock);
  while (!Stopping) {
    if (Pending.empty()) {
      Changed.wait(Guard);
      continue;
    }
    auto Earliest = std::min_element(Pending.begin(), Pending.end(),
                                     [](const auto &A, const auto &B) { return A.second < B.second; });
    if (Earliest->second > Clock::now()) {
      // Woken early by a schedule/cancel/stop: re-evaluate from the top.
      Changed.wait_until(Guard, Earliest->second);
      continue;
    }
    std::string Uri = Earliest->first;
    Pending.erase(Earliest);
    std::atomic<bool> Cancelled{false};
    Running = true;
    RunningUri = Uri;
    RunningCancelled = &Cancelled;
    Guard.unlock();
    Clock::time_point Start = Clock::now();
    Run(Uri, Cancelled);
    Clock::duration Took = Clock::now() - Start;
    Guard.lock();
    if (!Cancelled.load(std::memory_order_relaxed))
      LastAnalysis.insert_or_assign(Uri, Took);
    Running = false;
    RunningCancelled = nullptr;
    Changed.notify_all();
  }
}

} // namespace vtlint::lsp
