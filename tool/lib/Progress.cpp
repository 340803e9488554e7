//===--- Progress.cpp - progress of a run on stderr -----------------------===//

#include "Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include <string>
#include <sys/ioctl.h>
#include <unistd.h>

namespace vtlint {
namespace {

std::string minutesSeconds(double Seconds) {
  unsigned Whole = static_cast<unsigned>(Seconds + 0.5);
  std::string Result;
  llvm::raw_string_ostream(Result)
      << Whole / 60 << ":" << llvm::format("%02u", Whole % 60);
  return Result;
}

std::string counter(unsigned Done, unsigned Total) {
  std::string TotalText = std::to_string(Total);
  std::string DoneText = std::to_string(Done);
  if (DoneText.size() < TotalText.size())
    DoneText.insert(0, TotalText.size() - DoneText.size(), ' ');
  return "[" + DoneText + "/" + TotalText + "]";
}

std::string plural(unsigned Count, llvm::StringRef Noun) {
  return std::to_string(Count) + " " + Noun.str() + (Count == 1 ? "" : "s");
}

/// The terminal's width as the terminal says (llvm::sys::Process reads only
/// $COLUMNS, which shells do not export), else $COLUMNS, else 0.
unsigned stderrColumns() {
  winsize Size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &Size) == 0 && Size.ws_col > 0)
    return Size.ws_col;
  return llvm::sys::Process::StandardErrColumns();
}

} // namespace

llvm::Expected<ProgressStyle> parseProgressStyle(llvm::StringRef Text,
                                                 bool StderrIsTerminal) {
  if (Text == "auto")
    return StderrIsTerminal ? ProgressStyle::Bar : ProgressStyle::None;
  if (Text == "plain")
    return ProgressStyle::Plain;
  if (Text == "none")
    return ProgressStyle::None;
  return llvm::createStringError("unknown --progress '" + Text +
                                 "' (expected auto, plain or none)");
}

bool stderrIsTerminal() { return llvm::sys::Process::StandardErrIsDisplayed(); }

ProgressBar::ProgressBar(llvm::raw_ostream &Out, unsigned Total,
                         ProgressStyle Style, unsigned Columns)
    : Out(Out), Total(Total),
      Style(Style == ProgressStyle::Bar && Total <= 1 ? ProgressStyle::None
                                                      : Style),
      Columns(Columns ? Columns : stderrColumns()),
      Start(std::chrono::steady_clock::now()) {
  if (this->Style != ProgressStyle::Bar)
    return;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    draw();
  }
  Ticker = std::thread([this] { tick(); });
}

ProgressBar::~ProgressBar() {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopping = true;
  }
  Stop.notify_all();
  if (Ticker.joinable())
    Ticker.join();
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Style == ProgressStyle::Bar)
    erase();
}

void ProgressBar::tick() {
  std::unique_lock<std::mutex> Lock(Mutex);
  while (!Stop.wait_for(Lock, std::chrono::seconds(1), [&] { return Stopping; }))
    draw();
}

void ProgressBar::fileDone(llvm::StringRef File, unsigned NewFindings,
                           bool Compiled) {
  std::lock_guard<std::mutex> Lock(Mutex);
  ++Done;
  Findings += NewFindings;
  if (Style == ProgressStyle::Bar) {
    draw();
  } else if (Style == ProgressStyle::Plain) {
    Out << "vtlint: " << counter(Done, Total) << " " << File << ": "
        << (Compiled ? plural(NewFindings, "finding") : "does not compile")
        << "\n";
    Out.flush();
  }
}

void ProgressBar::draw() {
  double Elapsed = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  std::string Line;
  llvm::raw_string_ostream Text(Line);
  Text << "vtlint: " << counter(Done, Total) << " "
       << plural(Findings, "finding") << ", " << minutesSeconds(Elapsed)
       << " elapsed, ";
  if (Done == 0)
    Text << "? left";
  else
    Text << "~" << minutesSeconds(Elapsed / Done * (Total - Done)) << " left";
  // One column short of the width: a line that fills the last column makes
  // some terminals wrap, and a wrapped line cannot be rewritten.
  if (Columns > 1 && Line.size() > Columns - 1)
    Line.resize(Columns - 1);
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
