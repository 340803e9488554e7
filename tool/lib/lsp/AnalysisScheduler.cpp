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
  }
  Changed.notify_all();
}

void AnalysisScheduler::cancel(llvm::StringRef Uri) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Pending.find(Uri);
    if (It != Pending.end())
      Pending.erase(It);
  }
  Changed.notify_all();
}

void AnalysisScheduler::close() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stopping = true;
    Pending.clear();
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
    Running = true;
    Guard.unlock();
    Run(Uri);
    Guard.lock();
    Running = false;
    Changed.notify_all();
  }
}

} // namespace vtlint::lsp
