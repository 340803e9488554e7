//===--- Driver.cpp - one vtlint run, from options to exit code ----------===//
//
// The run, in order, so that every bad input is found before anything is
// analysed or written:
//  1. validate the format, the shard, the output locations, the checks and
//     the --config-file;
//  2. select the translation units (database, files, shard) and check that
//     each is readable; load the baseline;
//  3. resolve every file's configuration (a malformed .clang-tidy stops the
//     run here);
//  4. analyse the translation units in parallel, one task per unit on a
//     thread pool of -j threads, drawing progress as each finishes;
//  5. merge: drop duplicates (a header reported from two units), sort,
//     record the baseline if asked, suppress baseline matches, apply fixes;
//  6. render the report and write it (atomically with --output).
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "Analyzer.h"
#include "AtomicFile.h"
#include "Baseline.h"
#include "DiffFilter.h"
#include "Fixes.h"
#include "ProfileAdvice.h"
#include "Progress.h"
#include "Report.h"
#include "ResultCache.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/ADT/StringSet.h"
#include <set>
#include <tuple>

namespace vtlint {
namespace {

/// The directory of an output file must exist: checked before the analysis
/// so that a typo costs nothing and nothing is written.
llvm::Error checkWritableLocation(const std::optional<std::string> &Path,
                                  llvm::StringRef Option) {
  if (!Path)
    return llvm::Error::success();
  llvm::SmallString<256> Absolute(*Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::StringRef Directory = llvm::sys::path::parent_path(Absolute);
  if (llvm::sys::fs::is_directory(*Path))
    return llvm::createStringError("cannot write " + Option + " '" + *Path +
                                   "': is a directory");
  if (!llvm::sys::fs::is_directory(Directory))
    return llvm::createStringError("cannot write " + Option + " '" + *Path +
                                   "': directory '" + Directory +
                                   "' does not exist");
  // /dev/stdout, a FIFO: written in place (AtomicFile.h).
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(*Path, Status) &&
      Status.type() != llvm::sys::fs::file_type::regular_file) {
    if (std::error_code Error =
            llvm::sys::fs::access(*Path, llvm::sys::fs::AccessMode::Write))
      return llvm::createStringError("cannot write " + Option + " '" + *Path +
                                     "': " + Error.message());
    return llvm::Error::success();
  }
  // Written through a temporary file beside it: try that now. access()
  // would say yes to root where creating a file fails (/proc, read-only
  // mounts).
  llvm::SmallString<256> Probe(Directory);
  llvm::sys::path::append(Probe, ".vtlint-probe-%%%%%%%%");
  int ProbeFD = -1;
  llvm::SmallString<256> Created;
  if (std::error_code Error =
          llvm::sys::fs::createUniqueFile(Probe, ProbeFD, Created))
    return llvm::createStringError("cannot write " + Option + " '" + *Path +
                                   "': directory '" + Directory +
                                   "' is not writable (" + Error.message() +
                                   ")");
  llvm::sys::Process::SafelyCloseFileDescriptor(ProbeFD);
  llvm::sys::fs::remove(Created);
  return llvm::Error::success();
}

int fail(llvm::raw_ostream &Err, llvm::Error Error) {
  Err << "vtlint: error: " << llvm::toString(std::move(Error)) << "\n";
  return ExitBadInput;
}

/// One unit: replayed from the cache when its key is there, else analysed
/// (and stored).
FileResult analyseOne(const AnalysisRequest &Request,
                      const clang::tidy::ClangTidyOptions &Options,
                      ResultCache *Cache, llvm::StringRef CacheExtra) {
  if (!Cache)
    return analyzeFile(Request, Options);
  ResultCache::Probe Probed = Cache->probe(Request, Options, CacheExtra);
  if (!Probed.Key)
    return analyzeFile(Request, Options);
  if (std::optional<FileResult> Hit = Cache->lookup(*Probed.Key, Request.File)) {
    Cache->remember(Probed);
    return std::move(*Hit);
  }
  FileResult Result = analyzeFile(Request, Options);
  Cache->store(*Probed.Key, Result);
  Cache->remember(Probed);
  return Result;
}

std::vector<FileResult>
analyseAll(const std::vector<AnalysisRequest> &Requests,
           const std::vector<clang::tidy::ClangTidyOptions> &Options,
           unsigned Jobs, ProgressBar &Progress, ResultCache *Cache,
           llvm::StringRef CacheExtra) {
  std::vector<FileResult> Results(Requests.size());
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Requests.size(); ++I)
    Pool.async([&, I] {
      if (llvm::Error Unreadable = checkReadable(Requests[I].File)) {
        // A stale database entry: one failed unit, the rest still run.
        Results[I].File = Requests[I].File;
        Results[I].Compiled = false;
        Results[I].Readable = false;
        Results[I].FirstError =
            "error: " + llvm::toString(std::move(Unreadable)) +
            " (listed by the compile database; a generated file not built "
            "yet?)";
      } else {
        Results[I] = analyseOne(Requests[I], Options[I], Cache, CacheExtra);
      }
      Progress.fileDone(Requests[I].File, Results[I].Findings.size(),
                        Results[I].Compiled);
    });
  Pool.wait();
  return Results;
}

bool before(const Finding &A, const Finding &B) {
  return std::tie(A.Location.File, A.Location.Offset, A.Check, A.Message) <
         std::tie(B.Location.File, B.Location.Offset, B.Check, B.Message);
}

/// Sorts each unit's findings and drops any seen before in this run.
void removeDuplicates(std::vector<FileResult> &Results) {
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Seen;
  for (FileResult &Result : Results) {
    llvm::sort(Result.Findings, before);
    llvm::erase_if(Result.Findings, [&](const Finding &F) {
      return !Seen.insert({F.Location.File, F.Location.Offset, F.Check,
                           F.Message})
                  .second;
    });
  }
}

std::vector<const Finding *> allFindings(const std::vector<FileResult> &Results) {
  std::vector<const Finding *> All;
  for (const FileResult &Result : Results)
    for (const Finding &Found : Result.Findings)
      All.push_back(&Found);
  return All;
}

/// clang-tidy's --line-filter JSON, read with llvm::json rather than
/// clang::tidy::parseLineFilter, whose YAML reader prints its complaints
/// (several lines) to stderr.
llvm::Error readLineFilter(llvm::StringRef Text,
                            clang::tidy::ClangTidyGlobalOptions &Into) {
  auto Bad = [&](llvm::StringRef Why) {
    return llvm::createStringError("bad --line-filter '" + Text + "': " + Why +
                                   " (expected [{\"name\": \"file.cpp\", "
                                   "\"lines\": [[1, 3], [5, 7]]}, ...])");
  };
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (!Parsed)
    return Bad(llvm::toString(Parsed.takeError()));
  const llvm::json::Array *Files = Parsed->getAsArray();
  if (!Files)
    return Bad("not a JSON array");
  for (const llvm::json::Value &Entry : *Files) {
    const llvm::json::Object *File = Entry.getAsObject();
    std::optional<llvm::StringRef> Name = File ? File->getString("name") : std::nullopt;
    if (!Name)
      return Bad("an entry without a \"name\"");
    clang::tidy::FileFilter Filter;
    Filter.Name = Name->str();
    if (const llvm::json::Value *Lines = File->get("lines")) {
      const llvm::json::Array *Ranges = Lines->getAsArray();
      if (!Ranges)
        return Bad("\"lines\" is not an array");
      for (const llvm::json::Value &Range : *Ranges) {
        const llvm::json::Array *Pair = Range.getAsArray();
        std::optional<int64_t> First, Last;
        if (Pair && Pair->size() == 2) {
          First = (*Pair)[0].getAsInteger();
          Last = (*Pair)[1].getAsInteger();
        }
        if (!First || !Last || *First < 1 || *Last < *First)
          return Bad("a line range is not [first, last]");
        Filter.LineRanges.push_back({unsigned(*First), unsigned(*Last)});
      }
    }
    Into.LineFilter.push_back(std::move(Filter));
  }
  return llvm::Error::success();
}

/// clang-tidy's --line-filter: a finding passes when it or one of its notes
/// is on a listed line of a file whose path ends with a listed name.
bool passesLineFilter(const clang::tidy::ClangTidyGlobalOptions &Filter,
                      const Finding &Found) {
  auto OnListedLine = [&](const SourcePosition &At) {
    for (const clang::tidy::FileFilter &File : Filter.LineFilter)
      if (llvm::StringRef(At.File).ends_with(File.Name)) {
        if (File.LineRanges.empty())
          return true;
        return llvm::any_of(File.LineRanges, [&](const auto &Range) {
          return Range.first <= At.Line && At.Line <= Range.second;
        });
      }
    return false;
  };
  return Filter.LineFilter.empty() || OnListedLine(Found.Location) ||
         llvm::any_of(Found.Notes,
                      [&](const Note &N) { return OnListedLine(N.Location); });
}

/// The findings --fix may change: with --fix-errors also those of files
/// that do not compile; with --fix-notes a finding without a fix takes the
/// fix of its only note that has one.
std::vector<Finding> fixableFindings(const std::vector<FileResult> &Results,
                                     bool FixErrors, bool FixNotes) {
  std::vector<Finding> Fixable;
  for (const FileResult &File : Results) {
    if (!File.Compiled && !FixErrors)
      continue;
    for (const Finding &Found : File.Findings) {
      Finding Copy = Found;
      if (Copy.Fixes.empty() && FixNotes) {
        std::vector<const Note *> WithFix;
        for (const Note &N : Found.Notes)
          if (!N.Fixes.empty())
            WithFix.push_back(&N);
        if (WithFix.size() == 1)
          Copy.Fixes = WithFix.front()->Fixes;
      }
      Fixable.push_back(std::move(Copy));
    }
  }
  return Fixable;
}

/// --diff: keeps the units whose main file the diff changes, or (found by
/// preprocessing, only when the diff changes other files) a file they read.
void keepTouchedUnits(std::vector<AnalysisRequest> &Requests,
                      std::vector<clang::tidy::ClangTidyOptions> &Options,
                      const ChangedLines &Changes, unsigned Jobs) {
  llvm::StringSet<> MainFiles;
  for (const AnalysisRequest &Request : Requests)
    MainFiles.insert(Request.File);
  bool HeadersChanged = llvm::any_of(Changes.keys(), [&](llvm::StringRef File) {
    return !MainFiles.contains(File);
  });
  std::vector<char> Keep(Requests.size(), 0);
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Requests.size(); ++I) {
      if (Changes.count(Requests[I].File)) {
        Keep[I] = 1;
        continue;
      }
      if (!HeadersChanged)
        continue;
      Pool.async([&, I] {
        std::optional<std::vector<std::string>> Read =
            filesRead(Requests[I], Options[I]);
        // A unit that cannot be preprocessed is analysed: it may be touched.
        Keep[I] = !Read || llvm::any_of(*Read, [&](const std::string &File) {
          return Changes.count(File) > 0;
        });
      });
    }
    Pool.wait();
  }
  size_t Kept = 0;
  for (size_t I = 0; I < Requests.size(); ++I)
    if (Keep[I]) {
      if (Kept != I) { // a self-move would empty the request
        Requests[Kept] = std::move(Requests[I]);
        Options[Kept] = std::move(Options[I]);
      }
      ++Kept;
    }
  Requests.resize(Kept);
  Options.resize(Kept);
}

/// --list-checks and --dump-config describe the configuration of the first
/// file named, or of the working directory, as clang-tidy's do.
int describeConfiguration(const DriverOptions &Options, Configuration &Config,
                          llvm::raw_ostream &Out, llvm::raw_ostream &Err) {
  llvm::SmallString<256> File;
  if (!Options.Sources.Files.empty()) {
    File = Options.Sources.Files.front();
  } else {
    llvm::sys::fs::current_path(File);
    llvm::sys::path::append(File, "-");
  }
  llvm::sys::fs::make_absolute(File);
  auto Resolved = Config.optionsFor(File);
  if (!Resolved)
    return fail(Err, Resolved.takeError());
  if (Options.DumpConfig) {
    Out << clang::tidy::configurationAsText(*Resolved);
  } else {
    Out << "Enabled checks:";
    for (const std::string &Check : enabledChecks(Resolved->Checks.value_or("")))
      Out << "\n    " << Check;
    Out << "\n\n";
  }
  Out.flush();
  return ExitClean;
}

} // namespace

int runVtlint(const DriverOptions &Options, llvm::raw_ostream &Out,
              llvm::raw_ostream &Err) {
  // 1. Options, output locations, configuration.
  llvm::Expected<OutputFormat> Format = parseOutputFormat(Options.Format);
  if (!Format)
    return fail(Err, Format.takeError());
  Shard Part;
  if (Options.ShardSpec) {
    llvm::Expected<Shard> Parsed = parseShard(*Options.ShardSpec);
    if (!Parsed)
      return fail(Err, Parsed.takeError());
    Part = *Parsed;
  }
  clang::tidy::ClangTidyGlobalOptions LineFilter;
  if (Options.LineFilter)
    if (llvm::Error Error = readLineFilter(*Options.LineFilter, LineFilter))
      return fail(Err, std::move(Error));
  auto Config = Configuration::create(Options.Config);
  if (!Config)
    return fail(Err, Config.takeError());
  if (Options.ListChecks || Options.DumpConfig)
    return describeConfiguration(Options, **Config, Out, Err);
  for (auto [Path, Option] :
       {std::pair(&Options.OutputFile, "--output"),
        std::pair(&Options.WriteBaselineFile, "--write-baseline"),
        std::pair(&Options.ExportFixesFile, "--export-fixes")})
    if (llvm::Error Error = checkWritableLocation(*Path, Option))
      return fail(Err, std::move(Error));
  std::optional<std::string> Profile;
  if (Options.ProfileFile) {
    auto Loaded = loadProfile(*Options.ProfileFile);
    if (!Loaded)
      return fail(Err, Loaded.takeError());
    Profile = std::move(*Loaded);
  }

  // 2. Inputs.
  auto Requests = selectTranslationUnits(Options.Sources);
  if (!Requests)
    return fail(Err, Requests.takeError());
  std::vector<AnalysisRequest> Selected = selectShard(std::move(*Requests), Part);
  std::optional<Baseline> Accepted;
  if (Options.BaselineFile) {
    auto Loaded = Baseline::load(*Options.BaselineFile);
    if (!Loaded)
      return fail(Err, Loaded.takeError());
    Accepted = std::move(*Loaded);
  }

  // 3. Configuration per file.
  std::vector<clang::tidy::ClangTidyOptions> FileOptions;
  for (const AnalysisRequest &Request : Selected) {
    auto Resolved = (*Config)->optionsFor(Request.File);
    if (!Resolved)
      return fail(Err, Resolved.takeError());
    if (Profile)
      applyProfile(*Resolved, *Profile, Options.Config.ChecksGlob.has_value());
    FileOptions.push_back(std::move(*Resolved));
  }

  // 3b. --diff: only the units the diff touches.
  std::optional<ChangedLines> Changes;
  if (Options.DiffRevision) {
    llvm::Expected<std::string> Diff = readDiff(*Options.DiffRevision);
    if (!Diff)
      return fail(Err, Diff.takeError());
    llvm::SmallString<256> WorkingDirectory;
    llvm::sys::fs::current_path(WorkingDirectory);
    llvm::Expected<ChangedLines> Parsed = parseUnifiedDiff(*Diff, WorkingDirectory);
    if (!Parsed)
      return fail(Err, Parsed.takeError());
    Changes = std::move(*Parsed);
    keepTouchedUnits(Selected, FileOptions, *Changes, Options.Jobs);
  }

  // 4. Analysis, through the result cache if there is one. Paths under the
  //    working directory (the checkout) are stored relative to it.
  std::optional<ResultCache> Cache;
  std::string CacheExtra;
  if (Options.CacheDir) {
    llvm::SmallString<256> Root;
    llvm::sys::fs::current_path(Root);
    Cache.emplace(*Options.CacheDir, Root.str().str(), Options.CacheMaxBytes);
    // A profile is named by path in the options; its content is what counts.
    if (Profile)
      if (auto Content = llvm::MemoryBuffer::getFile(*Profile))
        CacheExtra = (*Content)->getBuffer().str();
  }
  Report Result;
  {
    ProgressBar Progress(Err, Selected.size(),
                         Options.Quiet ? ProgressStyle::None : Options.Progress);
    Result.Results = analyseAll(Selected, FileOptions, Options.Jobs, Progress,
                                Cache ? &*Cache : nullptr, CacheExtra);
  }
  if (Cache) {
    Result.Cached = Cache->hits();
    Cache->prune();
  }

  // 5. Merge, line filter, baseline, fixes.
  removeDuplicates(Result.Results);
  for (FileResult &File : Result.Results)
    llvm::erase_if(File.Findings, [&](const Finding &F) {
      return !passesLineFilter(LineFilter, F) ||
             (Changes && !onChangedLine(*Changes, F));
    });
  if (Options.WriteBaselineFile) {
    Baseline Recorded =
        Baseline::record(*Options.WriteBaselineFile, allFindings(Result.Results));
    if (llvm::Error Error =
            writeFileAtomically(*Options.WriteBaselineFile, Recorded.toJson()))
      return fail(Err, std::move(Error));
  }
  if (Accepted)
    for (FileResult &File : Result.Results) {
      size_t Before = File.Findings.size();
      llvm::erase_if(File.Findings,
                     [&](const Finding &F) { return Accepted->consume(F); });
      Result.Suppressed += Before - File.Findings.size();
    }
  if (Options.ExportFixesFile)
    if (llvm::Error Error = writeFileAtomically(
            *Options.ExportFixesFile,
            exportFixesYaml(allFindings(Result.Results),
                            Selected.empty() ? "" : Selected.front().File)))
      return fail(Err, std::move(Error));
  if (Options.Fix) {
    std::vector<Finding> Fixable =
        fixableFindings(Result.Results, Options.FixErrors, Options.FixNotes);
    std::vector<const Finding *> ToFix;
    for (const Finding &Found : Fixable)
      ToFix.push_back(&Found);
    auto Applied = applyFixes(ToFix);
    if (!Applied)
      return fail(Err, Applied.takeError());
    Result.Fixed = llvm::count(*Applied, true);
  }

  // 6. Output.
  std::string Rendered = renderReport(Result, *Format);
  std::string Summary = summaryLine(Result);
  if (Profile)
    if (std::optional<std::string> Note = staleProfileNote(*Profile, Result.Results))
      Summary += "\n" + *Note;
  bool SummaryInReport = *Format == OutputFormat::Text;
  if (SummaryInReport && !Options.Quiet)
    Rendered += Summary + "\n";
  if (Options.OutputFile) {
    if (llvm::Error Error = writeFileAtomically(*Options.OutputFile, Rendered))
      return fail(Err, std::move(Error));
  } else {
    Out << Rendered;
    Out.flush();
  }
  if (!Options.Quiet && (!SummaryInReport || Options.OutputFile))
    Err << Summary << "\n";

  // A recorded baseline accepts every finding of this run; fixed findings
  // are gone from the code.
  unsigned Remaining = Options.WriteBaselineFile
                           ? 0
                           : Result.findingCount() - Result.Fixed;
  if (Remaining > 0 || Result.failedCount() > 0)
    return ExitFindings;
  return ExitClean;
}

} // namespace vtlint
