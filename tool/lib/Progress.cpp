//===--- Progress.cpp - one self-rewriting line on a terminal ------------===//

#include "Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include <string>

namespace vtlint {
namespace {

std::string minutesSeconds(double Seconds) {
  unsigned Whole = static_cast<unsigned>(Seconds + 0.5);
  std::string Result;
  llvm::raw_string_ostream(Result)
      << Whole / 60 << ":" << llvm::format("%02u", Whole % 60);
  return Result;
}

} // namespace

bool stderrIsTerminal() { return llvm::sys::Process::StandardErrIsDisplayed(); }

ProgressBar::ProgressBar(llvm::raw_ostream &Out, unsigned Total, bool Enabled)
    : Out(Out), Total(Total), Enabled(Enabled && Total > 1),
      Start(std::chrono::steady_clock::now()) {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (this->Enabled)
    draw();
}

ProgressBar::~ProgressBar() {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Enabled)
    erase();
}

void ProgressBar::fileDone(unsigned NewFindings) {
  std::lock_guard<std::mutex> Lock(Mutex);
  ++Done;
  Findings += NewFindings;
  if (Enabled)
    draw();
}

void ProgressBar::draw() {
  double Elapsed = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  std::string Line;
  llvm::raw_string_ostream Text(Line);
  std::string TotalText = std::to_string(Total);
  Text << "vtlint: [" << llvm::right_justify(std::to_string(Done),
                                            TotalText.size())
       << "/" << TotalText << "] " << Findings
       << (Findings == 1 ? " finding, " : " findings, ")
       << minutesSeconds(Elapsed) << " elapsed, ";
  if (Done == 0)
    Text << "? left";
  else
    Text << "~" << minutesSeconds(Elapsed / Done * (Total - Done)) << " left";
  size_t Previous = Width;
  Width = Line.size();
  Out << "\r" << Line;
  if (Previous > Width)
    Out.indent(Previous - Width);
  Out.flush();
}

void ProgressBar::erase() {
  Out << "\r";
  Out.indent(Width);
  Out << "\r";
  Out.flush();
}

} // namespace vtlint
