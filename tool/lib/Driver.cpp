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
#include "Fixes.h"
#include "ProfileAdvice.h"
#include "Progress.h"
#include "Report.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
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
  return llvm::Error::success();
}

int fail(llvm::raw_ostream &Err, llvm::Error Error) {
  Err << "vtlint: error: " << llvm::toString(std::move(Error)) << "\n";
  return ExitBadInput;
}

std::vector<FileResult>
analyseAll(const std::vector<AnalysisRequest> &Requests,
           const std::vector<clang::tidy::ClangTidyOptions> &Options,
           unsigned Jobs, ProgressBar &Progress) {
  std::vector<FileResult> Results(Requests.size());
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Requests.size(); ++I)
    Pool.async([&, I] {
      Results[I] = analyzeFile(Requests[I], Options[I]);
      Progress.fileDone(Results[I].Findings.size());
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
  for (auto [Path, Option] : {std::pair(&Options.OutputFile, "--output"),
                              std::pair(&Options.WriteBaselineFile,
                                        "--write-baseline")})
    if (llvm::Error Error = checkWritableLocation(*Path, Option))
      return fail(Err, std::move(Error));
  auto Config = Configuration::create(Options.Config);
  if (!Config)
    return fail(Err, Config.takeError());
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

  // 4. Analysis.
  Report Result;
  {
    ProgressBar Progress(Err, Selected.size(),
                         Options.ShowProgress && !Options.Quiet);
    Result.Results = analyseAll(Selected, FileOptions, Options.Jobs, Progress);
  }

  // 5. Merge, baseline, fixes.
  removeDuplicates(Result.Results);
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
  if (Options.Fix) {
    auto Applied = applyFixes(allFindings(Result.Results));
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
