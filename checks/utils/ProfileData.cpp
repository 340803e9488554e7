//===--- ProfileData.cpp - a vt::profile file, matched to functions ------===//

#include "ProfileData.h"
#include "ProfiledFunctions.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <vt/detail/profile_format.hpp>
#include <cmath>
#include <cstdio>

namespace clang::tidy::valuetask {
namespace {

/// "Box<int>::get" -> "Box::get": how the runtime spells names.
std::string withoutTemplateArguments(llvm::StringRef Name) {
  std::string Result;
  int Depth = 0;
  for (char C : Name) {
    if (C == '<')
      ++Depth;
    else if (C == '>' && Depth > 0)
      --Depth;
    else if (Depth == 0)
      Result += C;
  }
  return Result;
}

struct CacheEntry {
  llvm::sys::TimePoint<> Modified;
  uint64_t Size = 0;
  std::shared_ptr<ProfileData> Data;
};

std::mutex CacheMutex; // guards Cache
llvm::StringMap<CacheEntry> Cache;

std::string absoluteFileOf(SourceLocation Location, const SourceManager &Sources) {
  FileID File = Sources.getFileID(Sources.getExpansionLoc(Location));
  OptionalFileEntryRef Entry = Sources.getFileEntryRefForID(File);
  if (!Entry)
    return "";
  llvm::StringRef Real = Entry->getFileEntry().tryGetRealPathName();
  if (!Real.empty())
    return Real.str();
  llvm::SmallString<256> Path(Entry->getName());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

} // namespace

bool ProfileEntry::isLambda() const {
  return vt::detail::is_lambda_signature(Signature);
}

ProfileData::ProfileData(std::vector<ProfileEntry> Entries)
    : Entries(std::move(Entries)), Matched(this->Entries.size(), false) {}

llvm::Expected<std::shared_ptr<ProfileData>>
ProfileData::load(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (std::error_code Error = llvm::sys::fs::status(Path, Status))
    return llvm::createStringError("cannot read profile '" + Path +
                                   "': " + Error.message());
  if (llvm::sys::fs::is_directory(Status))
    return llvm::createStringError("cannot read profile '" + Path +
                                   "': is a directory");
  std::lock_guard Lock(CacheMutex);
  CacheEntry &Cached = Cache[Path];
  if (Cached.Data && Cached.Modified == Status.getLastModificationTime() &&
      Cached.Size == Status.getSize())
    return Cached.Data;

  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError("cannot read profile '" + Path +
                                   "': " + Buffer.getError().message());
  std::vector<vt::detail::ProfileEntry> Parsed;
  std::string Error;
  if (!vt::detail::parse_profile((*Buffer)->getBuffer(), Parsed, Error))
    return llvm::createStringError("malformed profile '" + Path + "': " +
                                   Error);
  std::vector<ProfileEntry> Entries;
  for (vt::detail::ProfileEntry &Entry : Parsed)
    Entries.push_back({std::move(Entry.function), std::move(Entry.signature),
                       std::move(Entry.file), Entry.line,
                       Entry.kind == vt::detail::ProfiledKind::task
                           ? ProfiledReturn::Task
                           : ProfiledReturn::ValueTask,
                       Entry.calls, Entry.sync});
  Cached.Modified = Status.getLastModificationTime();
  Cached.Size = Status.getSize();
  Cached.Data = std::shared_ptr<ProfileData>(new ProfileData(std::move(Entries)));
  return Cached.Data;
}

bool ProfileData::sameFile(llvm::StringRef ProfilePath, llvm::StringRef File) {
  llvm::SmallVector<llvm::StringRef, 16> Want, Have;
  for (llvm::StringRef Part : llvm::make_range(llvm::sys::path::begin(ProfilePath),
                                               llvm::sys::path::end(ProfilePath)))
    if (Part != "." && Part != ".." && Part != "/")
      Want.push_back(Part);
    else if (Part == ".." || Part == ".")
      Want.clear(); // only what follows the last ./.. is known for sure
  for (llvm::StringRef Part :
       llvm::make_range(llvm::sys::path::begin(File), llvm::sys::path::end(File)))
    if (Part != "/")
      Have.push_back(Part);
  if (Want.empty() || Want.size() > Have.size())
    return false;
  return std::equal(Want.rbegin(), Want.rend(), Have.rbegin());
}

/// The lines a profile entry of \p Function may name: its whole definition;
/// for a lambda only its head, from the introducer to the body's opening
/// brace (the runtime records the line of the lambda's head, and a lambda
/// nested in the body has entries of its own).
static std::optional<std::pair<unsigned, unsigned>>
entryLines(const FunctionDecl &Function, const SourceManager &Sources) {
  SourceRange Range = Function.getSourceRange();
  if (isLambdaCallOperator(Function))
    Range = SourceRange(cast<CXXMethodDecl>(Function).getParent()->getBeginLoc(),
                        Function.getBody() ? Function.getBody()->getBeginLoc()
                                           : Function.getEndLoc());
  if (Range.isInvalid())
    return std::nullopt;
  return std::pair(Sources.getExpansionLineNumber(Range.getBegin()),
                   Sources.getExpansionLineNumber(Range.getEnd()));
}

/// How many lambdas deep \p Function is (0: not a lambda; 2: a lambda in
/// a lambda), through its declaration contexts (no parent map needed): the
/// AST's side of vt::detail::lambda_depth.
static unsigned lambdaDepth(const FunctionDecl &Function) {
  unsigned Depth = 0;
  for (const DeclContext *Context = &Function; Context; Context = Context->getParent())
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Context); Record && Record->isLambda())
      ++Depth;
  return Depth;
}


std::optional<FunctionCounts>
ProfileData::countsFor(const FunctionDecl &Function, const SourceManager &Sources,
                       ProfiledReturn Returns) {
  // A lambda's entry has no usable name ("main()::(anonymous class)::
  // operator()"): it is matched by file and line alone, and only to a lambda.
  const bool Lambda = isLambdaCallOperator(Function);
  const unsigned Depth = Lambda ? lambdaDepth(Function) : 0;
  std::string Name = withoutTemplateArguments(Function.getQualifiedNameAsString());
  std::string File = absoluteFileOf(Function.getLocation(), Sources);
  std::optional<std::pair<unsigned, unsigned>> Lines = entryLines(Function, Sources);
  if (File.empty() || !Lines)
    return std::nullopt;
  auto [First, Last] = *Lines;

  std::optional<FunctionCounts> Counts;
  std::lock_guard Lock(MatchedMutex);
  for (size_t I = 0; I < Entries.size(); ++I) {
    const ProfileEntry &Entry = Entries[I];
    // The same depth (at least 1) also says the entry is a lambda's.
    bool SameFunction = Lambda ? vt::detail::lambda_depth(Entry.Signature) == Depth
                               : Entry.Function == Name;
    if (!SameFunction || Entry.Line < First || Entry.Line > Last ||
        !sameFile(Entry.File, File))
      continue;
    // The function is still there: whatever it returned then, the entry
    // is not stale.
    Matched[I] = true;
    if (Entry.Returns != Returns)
      continue;
    if (!Counts)
      Counts.emplace();
    Counts->Calls += Entry.Calls;
    Counts->Sync += Entry.Sync;
  }
  return Counts;
}

std::vector<ProfileEntry>
ProfileData::unmatchedEntriesIn(const std::vector<std::string> &Files) const {
  std::vector<ProfileEntry> Unmatched;
  std::lock_guard Lock(MatchedMutex);
  for (size_t I = 0; I < Entries.size(); ++I) {
    if (Matched[I] || (Entries[I].isLambda() &&
                       !LambdasAdvised.load(std::memory_order_relaxed)))
      continue;
    for (const std::string &File : Files)
      if (sameFile(Entries[I].File, File)) {
        Unmatched.push_back(Entries[I]);
        break;
      }
  }
  return Unmatched;
}

std::string formatPercent(std::uint64_t Sync, std::uint64_t Calls) {
  if (Calls == 0)
    return "0";
  double Percent = 100.0 * static_cast<double>(Sync) / static_cast<double>(Calls);
  char Text[32];
  for (int Decimals = 1; Decimals <= 4; ++Decimals) {
    std::snprintf(Text, sizeof Text, "%.*f", Decimals, Percent);
    double Shown = std::strtod(Text, nullptr);
    bool Misleading = (Shown >= 100.0 && Sync < Calls) || (Shown <= 0.0 && Sync > 0);
    if (!Misleading)
      break;
    if (Decimals == 4) // Still 100 or 0: show the last digits truncated.
      std::snprintf(Text, sizeof Text, "%.4f",
                    std::trunc(Percent * 1e4) / 1e4 + (Sync > 0 && Percent < 1e-4 ? 1e-4 : 0));
  }
  std::string Result = Text;
  if (Result.find('.') != std::string::npos) {
    while (Result.back() == '0')
      Result.pop_back();
    if (Result.back() == '.')
      Result.pop_back();
  }
  return Result;
}

std::string formatCount(std::uint64_t Count) {
  std::string Digits = std::to_string(Count);
  std::string Result;
  for (size_t I = 0; I < Digits.size(); ++I) {
    if (I > 0 && (Digits.size() - I) % 3 == 0)
      Result += ',';
    Result += Digits[I];
  }
  return Result;
}

std::optional<double> parsePercent(llvm::StringRef Text) {
  Text = Text.trim();
  Text.consume_back("%");
  double Value = 0;
  if (Text.trim().getAsDouble(Value) || Value < 0 || Value > 100)
    return std::nullopt;
  return Value;
}

} // namespace clang::tidy::valuetask
