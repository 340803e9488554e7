//===--- main.cpp - vtlint: value-task checks for CI ----------------------===//
//
// Parses the command line into DriverOptions and hands off to runVtlint
// (Driver.h); every other line of vtlint lives in vtlint-core. The compiler
// flags after `--` are split off before llvm::cl sees the rest, as
// clang-tidy does: `vtlint FILE.cpp -- -std=c++20 -Iinclude`.
//
//===----------------------------------------------------------------------===//

#include "Arguments.h"
#include "Driver.h"
#include "Progress.h"
#include "Report.h"
#include "ResultCache.h"
#include "lsp/LanguageServer.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <unistd.h>

namespace cl = llvm::cl;

static cl::OptionCategory VtlintCategory("vtlint options");

static cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory with compile_commands.json (or the file)"),
    cl::value_desc("build-dir"), cl::cat(VtlintCategory));
static cl::list<std::string> Files(cl::Positional,
                                   cl::desc("[<source file>...]"),
                                   cl::cat(VtlintCategory));
static cl::opt<std::string> Checks(
    "checks",
    cl::desc("Checks to run, a clang-tidy glob (default: valuetask-*, "
             "refined by .clang-tidy); replaces the configuration's choice"),
    cl::value_desc("glob"), cl::cat(VtlintCategory));
static cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Configuration file to use instead of the .clang-tidy files"),
    cl::value_desc("path"), cl::cat(VtlintCategory));
// A string, validated below: llvm::cl would print its own multi-line error.
// cl::Prefix: `-j2` as with make, besides `-j 2`, `-j=2` and `--jobs=2`.
static cl::opt<std::string> Jobs(
    "j", cl::desc("Translation units analysed in parallel (default: cores); "
                  "also -jN, --jobs=N"),
    cl::value_desc("N"), cl::Prefix, cl::cat(VtlintCategory));
static cl::alias JobsLong("jobs", cl::desc("Alias for -j"), cl::aliasopt(Jobs),
                          cl::cat(VtlintCategory));
static cl::opt<std::string> ProgressStyle(
    "progress",
    cl::desc("auto: a progress line on a terminal, nothing otherwise; plain: "
             "one line per finished file (for CI logs); none"),
    cl::value_desc("auto|plain|none"), cl::init("auto"),
    cl::cat(VtlintCategory));
static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("As clang-tidy's: also report findings in non-system headers "
             "whose path matches this regex (default: the configuration's "
             "HeaderFilterRegex; none: main files only)"),
    cl::value_desc("regex"), cl::cat(VtlintCategory));
static cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("As clang-tidy's: no findings in headers matching this regex, "
             "even if --header-filter matches them"),
    cl::value_desc("regex"), cl::cat(VtlintCategory));
static cl::opt<std::string> LineFilter(
    "line-filter",
    cl::desc("As clang-tidy's: report only findings on these lines, e.g. "
             "'[{\"name\":\"a.cpp\",\"lines\":[[1,3],[5,7]]},"
             "{\"name\":\"b.h\"}]'"),
    cl::value_desc("json"), cl::cat(VtlintCategory));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Findings of checks matching this glob are reported as errors"),
    cl::value_desc("glob"), cl::cat(VtlintCategory));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fixes as YAML for clang-apply-replacements"),
    cl::value_desc("file"), cl::cat(VtlintCategory));
static cl::opt<bool> ListChecks(
    "list-checks", cl::desc("List the enabled checks and exit"),
    cl::cat(VtlintCategory));
static cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective configuration (of the first file, or of "
             "the working directory) as YAML and exit"),
    cl::cat(VtlintCategory));
static cl::opt<std::string> InlineConfig(
    "config",
    cl::desc("Configuration as YAML or JSON text, e.g. "
             "\"{Checks: '-valuetask-stored'}\"; replaces the .clang-tidy "
             "files"),
    cl::value_desc("text"), cl::cat(VtlintCategory));
static cl::list<std::string> ExtraArgs(
    "extra-arg", cl::desc("Append this argument to every compiler command"),
    cl::value_desc("arg"), cl::cat(VtlintCategory));
static cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Prepend this argument to every compiler command"),
    cl::value_desc("arg"), cl::cat(VtlintCategory));
static cl::opt<std::string> Diff(
    "diff",
    cl::desc("As clang-tidy-diff.py: analyse only the units whose sources or "
             "headers `git diff REV` changes, and report only findings on "
             "changed lines; '-' reads a unified diff on stdin"),
    cl::value_desc("REV|-"), cl::cat(VtlintCategory));
static cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Replay the findings of units whose preprocessed source, command "
             "line and configuration are unchanged (default: "
             "$VTLINT_CACHE_DIR; none when unset)"),
    cl::value_desc("dir"), cl::cat(VtlintCategory));
static cl::opt<std::string> CacheSize(
    "cache-size",
    cl::desc("Bound of the cache directory; least recently used entries go "
             "first (default: $VTLINT_CACHE_SIZE or 1G)"),
    cl::value_desc("bytes[K|M|G]"), cl::cat(VtlintCategory));
static cl::opt<bool> FixErrors(
    "fix-errors",
    cl::desc("--fix, applied also in files that do not compile"),
    cl::cat(VtlintCategory));
static cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("--fix, also applying the single fix of a finding's note when "
             "the finding has none"),
    cl::cat(VtlintCategory));
static cl::opt<std::string> Format(
    "format", cl::desc("Output format: text, json, sarif or github"),
    cl::value_desc("format"), cl::init("text"), cl::cat(VtlintCategory));
static cl::opt<std::string> Output(
    "output", cl::desc("Write the report to this file (atomically) "
                       "instead of stdout"),
    cl::value_desc("file"), cl::cat(VtlintCategory));
static cl::opt<std::string> BaselineFile(
    "baseline", cl::desc("Suppress the findings recorded in this baseline"),
    cl::value_desc("file"), cl::cat(VtlintCategory));
static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record every finding of this run as a baseline file"),
    cl::value_desc("file"), cl::cat(VtlintCategory));
static cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its (atomic writes)"),
                         cl::cat(VtlintCategory));
static cl::opt<std::string> ShardSpec(
    "shard",
    cl::desc("Analyse only shard K of N (1-based) of the sorted files"),
    cl::value_desc("K/N"), cl::cat(VtlintCategory));
static cl::opt<std::string> Profile(
    "profile",
    cl::desc("A vt::profile file (VT_PROFILE=FILE when running the program): "
             "enables valuetask-low-sync-rate and valuetask-prefer-valuetask "
             "(docs/profile.md)"),
    cl::value_desc("file"), cl::cat(VtlintCategory));
static cl::opt<bool> Lsp(
    "lsp", cl::desc("Serve the Language Server Protocol on stdin/stdout for "
                    "editors (docs/editors.md)"),
    cl::cat(VtlintCategory));
static cl::opt<bool> Quiet(
    "quiet", cl::desc("No summary line and no progress bar"),
    cl::cat(VtlintCategory));

static cl::extrahelp Examples(R"(
EXAMPLES:
  vtlint -p build                        every file of build/compile_commands.json
  vtlint -p build src/a.cpp src/b.cpp    just these files
  vtlint a.cpp -- -std=c++20 -Iinclude   no database: the compiler flags after --
  vtlint -p build --format=sarif --output=vtlint.sarif
  vtlint -p build --format=github        annotations in a GitHub Actions job
  vtlint -p build --write-baseline=vtlint-baseline.json
  vtlint -p build --baseline=vtlint-baseline.json     report only new findings
  vtlint -p build --shard=2/4            the second quarter of the files
  VT_PROFILE=app.profile ./build/app && vtlint -p build --profile=app.profile
                                         profile-guided Task/ValueTask advice
  vtlint -p build --checks='valuetask-*,-valuetask-stored' --fix
  vtlint -p build --cache-dir=.vtlint-cache   replay unchanged units' results
  vtlint -p build --diff=origin/main     only what the branch changed
  git diff -U0 HEAD | vtlint -p build --diff=-
  vtlint -p build -j2 --progress=plain   one line per finished file (CI logs)
  vtlint -p build --export-fixes=fixes.yaml   for clang-apply-replacements
  vtlint --lsp                           language server for editors (docs/editors.md)
  vtlint --lsp --profile=app.profile     the same, with profile-guided advice

ENVIRONMENT:
  VTLINT_CACHE_DIR, VTLINT_CACHE_SIZE   defaults of --cache-dir, --cache-size

EXIT STATUS:
  0  no finding outside the baseline
  1  findings, or a file that does not compile (or a database entry whose
     file does not exist)
  2  bad usage (any unknown option) or configuration, unreadable database,
     baseline or files named on the command line

Documentation: docs/vtlint.md; CI set-ups: docs/ci.md.
)");

/// Runs Parse with stderr (fd 2) sent to an unlinked temporary file and
/// returns what it wrote: llvm::cl reports some errors straight to
/// llvm::errs(). Unlinked first, so --help exiting inside Parse leaves no
/// file behind.
static std::string captureStderr(const std::function<void()> &Parse) {
  int TempFD = -1;
  llvm::SmallString<128> TempPath;
  if (llvm::sys::fs::createTemporaryFile("vtlint-args", "txt", TempFD,
                                         TempPath)) {
    Parse();
    return "";
  }
  llvm::sys::fs::remove(TempPath);
  llvm::errs().flush();
  int SavedStderr = dup(STDERR_FILENO);
  dup2(TempFD, STDERR_FILENO);
  Parse();
  llvm::errs().flush();
  dup2(SavedStderr, STDERR_FILENO);
  close(SavedStderr);
  std::string Captured;
  lseek(TempFD, 0, SEEK_SET);
  char Chunk[4096];
  for (ssize_t Got; (Got = read(TempFD, Chunk, sizeof Chunk)) > 0;)
    Captured.append(Chunk, Got);
  close(TempFD);
  return Captured;
}

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  cl::HideUnrelatedOptions(VtlintCategory);
  cl::SetVersionPrinter([](llvm::raw_ostream &Out) {
    Out << "vtlint " << vtlint::vtlintVersion() << " ("
        << clang::getClangFullVersion() << ")\n";
  });

  std::vector<const char *> OwnArgs;
  std::optional<std::vector<std::string>> CompilerFlags;
  for (int I = 0; I < argc; ++I) {
    if (llvm::StringRef(argv[I]) == "--" && !CompilerFlags) {
      CompilerFlags.emplace(argv + I + 1, argv + argc);
      break;
    }
    OwnArgs.push_back(argv[I]);
  }

  if (std::optional<std::string> Unknown = vtlint::findUnknownOption(OwnArgs)) {
    llvm::errs() << "vtlint: error: unknown command line argument '" << *Unknown
                 << "' (see vtlint --help)\n";
    return vtlint::ExitBadInput;
  }

  std::string ParseErrors;
  bool Parsed = false;
  std::string Printed = captureStderr([&] {
    llvm::raw_string_ostream ErrorStream(ParseErrors);
    Parsed = cl::ParseCommandLineOptions(
        OwnArgs.size(), OwnArgs.data(),
        "vtlint: value-task checks for C++ coroutines, run in-process over a "
        "compile database\n",
        &ErrorStream);
  });
  if (!Parsed) {
    // llvm::cl's own message, first line, as one "vtlint: error:" line.
    std::string AllErrors = Printed + ParseErrors;
    llvm::StringRef First = llvm::StringRef(AllErrors).split('\n').first.trim();
    First.consume_front(llvm::sys::path::filename(argv[0]));
    First = First.ltrim(": ");
    llvm::errs() << "vtlint: error: "
                 << (First.empty() ? "invalid command line" : First) << "\n";
    return vtlint::ExitBadInput;
  }
  llvm::errs() << Printed;

  vtlint::DriverOptions Options;
  if (BuildPath.getNumOccurrences())
    Options.Sources.BuildPath = BuildPath;
  Options.Sources.Files.assign(Files.begin(), Files.end());
  Options.Sources.FixedFlags = CompilerFlags;
  if (Checks.getNumOccurrences())
    Options.Config.ChecksGlob = Checks;
  if (ConfigFile.getNumOccurrences())
    Options.Config.ConfigFile = ConfigFile;
  if (Jobs.getNumOccurrences() &&
      (llvm::StringRef(Jobs).getAsInteger(10, Options.Jobs) || Options.Jobs == 0)) {
    llvm::errs() << "vtlint: error: bad -j '" << Jobs
                 << "': expected a positive number of parallel jobs\n";
    return vtlint::ExitBadInput;
  }
  Options.Format = Format;
  if (Output.getNumOccurrences())
    Options.OutputFile = Output;
  if (BaselineFile.getNumOccurrences())
    Options.BaselineFile = BaselineFile;
  if (WriteBaseline.getNumOccurrences())
    Options.WriteBaselineFile = WriteBaseline;
  if (ShardSpec.getNumOccurrences())
    Options.ShardSpec = ShardSpec;
  if (Profile.getNumOccurrences())
    Options.ProfileFile = Profile;
  if (InlineConfig.getNumOccurrences())
    Options.Config.InlineConfig = InlineConfig;
  clang::tidy::ClangTidyOptions &Overrides = Options.Config.Overrides;
  if (HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences())
    Overrides.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  if (WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = WarningsAsErrors;
  if (!ExtraArgs.empty())
    Overrides.ExtraArgs.emplace(ExtraArgs.begin(), ExtraArgs.end());
  if (!ExtraArgsBefore.empty())
    Overrides.ExtraArgsBefore.emplace(ExtraArgsBefore.begin(),
                                      ExtraArgsBefore.end());
  if (LineFilter.getNumOccurrences())
    Options.LineFilter = LineFilter;
  if (Diff.getNumOccurrences())
    Options.DiffRevision = Diff;
  if (ExportFixes.getNumOccurrences())
    Options.ExportFixesFile = ExportFixes;
  Options.Fix = Fix || FixErrors || FixNotes;
  Options.FixErrors = FixErrors;
  Options.FixNotes = FixNotes;
  Options.ListChecks = ListChecks;
  Options.DumpConfig = DumpConfig;
  Options.Quiet = Quiet;
  if (CacheDir.getNumOccurrences())
    Options.CacheDir = CacheDir;
  else if (std::optional<std::string> FromEnvironment =
               llvm::sys::Process::GetEnv("VTLINT_CACHE_DIR"))
    if (!FromEnvironment->empty())
      Options.CacheDir = *FromEnvironment;
  std::optional<std::string> SizeText =
      CacheSize.getNumOccurrences()
          ? std::optional<std::string>(CacheSize)
          : llvm::sys::Process::GetEnv("VTLINT_CACHE_SIZE");
  if (SizeText && !SizeText->empty()) {
    llvm::Expected<uint64_t> Size = vtlint::parseByteSize(*SizeText);
    if (!Size) {
      llvm::errs() << "vtlint: error: --cache-size: "
                   << llvm::toString(Size.takeError()) << "\n";
      return vtlint::ExitBadInput;
    }
    Options.CacheMaxBytes = *Size;
  }
  llvm::Expected<vtlint::ProgressStyle> Style =
      vtlint::parseProgressStyle(ProgressStyle, vtlint::stderrIsTerminal());
  if (!Style) {
    llvm::errs() << "vtlint: error: " << llvm::toString(Style.takeError())
                 << "\n";
    return vtlint::ExitBadInput;
  }
  Options.Progress = *Style;
  if (Lsp)
    return vtlint::lsp::runLanguageServer({{Options.Sources.BuildPath, CompilerFlags},
                                           Options.Config,
                                           Options.Sources.Files,
                                           Options.ProfileFile},
                                          llvm::errs());
  return vtlint::runVtlint(Options, llvm::outs(), llvm::errs());
}
