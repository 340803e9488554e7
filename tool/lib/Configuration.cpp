//===--- Configuration.cpp - which checks run, with which options --------===//

#include "Configuration.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include <algorithm>

using clang::tidy::ClangTidyOptions;

namespace clang::tidy {
// Defined beside the valuetask module's registration (checks/); reading it
// makes the linker keep that object file out of the static vtlint-core.
extern volatile int ValueTaskModuleAnchorSource;
} // namespace clang::tidy

namespace vtlint {
namespace {

constexpr llvm::StringLiteral ConfigFileName = ".clang-tidy";

/// The terms of a comma- or newline-separated glob, trimmed, empty ones
/// dropped.
std::vector<std::string> globTerms(llvm::StringRef Glob) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  std::string Flat = Glob.str();
  std::replace(Flat.begin(), Flat.end(), '\n', ',');
  llvm::StringRef(Flat).split(Parts, ',', -1, false);
  std::vector<std::string> Terms;
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Terms.push_back(Part.trim().str());
  return Terms;
}

/// Only explicit valuetask terms of a configuration's Checks concern vtlint.
bool concernsValueTask(llvm::StringRef Term) {
  return Term.ltrim('-').starts_with("valuetask");
}

} // namespace

std::vector<std::string> availableChecks() {
  static const std::vector<std::string> Names = [] {
    (void)clang::tidy::ValueTaskModuleAnchorSource;
    clang::tidy::ClangTidyCheckFactories Factories;
    for (const auto &Entry : clang::tidy::ClangTidyModuleRegistry::entries())
      Entry.instantiate()->addCheckFactories(Factories);
    std::vector<std::string> Result;
    for (const auto &Factory : Factories)
      Result.push_back(Factory.getKey().str());
    llvm::sort(Result);
    return Result;
  }();
  return Names;
}

std::vector<std::string> enabledChecks(llvm::StringRef Glob) {
  clang::tidy::GlobList Filter(Glob);
  std::vector<std::string> Result;
  for (const std::string &Name : availableChecks())
    if (Filter.contains(Name))
      Result.push_back(Name);
  return Result;
}

llvm::Error validateCheckNames(llvm::StringRef Glob, llvm::StringRef Origin) {
  for (const std::string &Term : globTerms(Glob)) {
    llvm::StringRef Pattern = llvm::StringRef(Term).ltrim('-');
    if (Pattern == "*")
      continue;
    clang::tidy::GlobList One(Pattern);
    if (llvm::none_of(availableChecks(),
                      [&](const std::string &Name) { return One.contains(Name); }))
      return llvm::createStringError(
          "unknown check '" + Term + "' in " + Origin +
          " (available: " + llvm::join(availableChecks(), ", ") + ")");
  }
  return llvm::Error::success();
}

llvm::Error validateChecksGlob(llvm::StringRef Glob, llvm::StringRef Origin) {
  if (llvm::Error Err = validateCheckNames(Glob, Origin))
    return Err;
  if (enabledChecks(Glob).empty())
    return llvm::createStringError("no check enabled by '" + Glob.str() +
                                   "' in " + Origin);
  return llvm::Error::success();
}

llvm::Expected<ClangTidyOptions> parseConfigurationFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError("cannot read configuration file '" + Path +
                                   "': " + Buffer.getError().message());
  return parseConfigurationText((*Buffer)->getMemBufferRef(),
                                "configuration file '" + Path.str() + "'");
}

llvm::Expected<ClangTidyOptions>
parseConfigurationText(llvm::MemoryBufferRef Text, llvm::StringRef Origin) {
  std::string FirstProblem;
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      Text, [&](const llvm::SMDiagnostic &Diag) {
        if (FirstProblem.empty())
          FirstProblem = (llvm::Twine(Diag.getLineNo()) + ":" +
                          llvm::Twine(Diag.getColumnNo() + 1) + ": " +
                          Diag.getMessage())
                             .str();
      });
  if (!Parsed)
    return llvm::createStringError(
        "malformed " + Origin + ": " +
        (FirstProblem.empty() ? Parsed.getError().message() : FirstProblem));
  return std::move(*Parsed);
}

llvm::Expected<std::unique_ptr<Configuration>>
Configuration::create(const ConfigurationSettings &Settings) {
  std::unique_ptr<Configuration> Result(new Configuration(Settings));
  if (Settings.ChecksGlob)
    if (llvm::Error Err = validateChecksGlob(*Settings.ChecksGlob, "--checks"))
      return std::move(Err);
  if (Settings.ConfigFile && Settings.InlineConfig)
    return llvm::createStringError(
        "--config and --config-file are mutually exclusive");
  if (Settings.ConfigFile || Settings.InlineConfig) {
    auto Parsed = Settings.ConfigFile
                      ? parseConfigurationFile(*Settings.ConfigFile)
                      : parseConfigurationText(
                            llvm::MemoryBufferRef(*Settings.InlineConfig,
                                                  "--config"),
                            "--config");
    if (!Parsed)
      return Parsed.takeError();
    Result->ConfigFile = ParsedFile{
        Settings.ConfigFile ? *Settings.ConfigFile : std::string("--config"),
        std::move(*Parsed)};
    // Validates its Checks now, before any file is analysed.
    auto Finished = Result->finish(ClangTidyOptions::getDefaults().merge(
                                       Result->ConfigFile->Options, 1),
                                   Result->ConfigFile->Path);
    if (!Finished)
      return Finished.takeError();
  }
  return std::move(Result);
}

llvm::Expected<std::optional<Configuration::ParsedFile>>
Configuration::configInDirectory(llvm::StringRef Directory) {
  std::lock_guard<std::mutex> Lock(CacheMutex);
  auto Found = DirectoryCache.find(Directory);
  if (Found == DirectoryCache.end()) {
    CachedDirectory Entry;
    llvm::SmallString<256> Path(Directory);
    llvm::sys::path::append(Path, ConfigFileName);
    if (llvm::sys::fs::is_regular_file(Path)) {
      auto Parsed = parseConfigurationFile(Path);
      if (Parsed)
        Entry.File = ParsedFile{Path.str().str(), std::move(*Parsed)};
      else
        Entry.Error = llvm::toString(Parsed.takeError());
    }
    Found = DirectoryCache.insert({Directory, std::move(Entry)}).first;
  }
  if (!Found->second.Error.empty())
    return llvm::createStringError(Found->second.Error);
  return Found->second.File;
}

llvm::Expected<ClangTidyOptions>
Configuration::optionsFor(llvm::StringRef File) {
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  if (ConfigFile)
    return finish(Options.merge(ConfigFile->Options, 1), ConfigFile->Path);

  // Nearest first; stop at the first file that does not inherit.
  std::vector<ParsedFile> Chain;
  llvm::SmallString<256> Directory(llvm::sys::path::parent_path(File));
  while (!Directory.empty()) {
    auto InDirectory = configInDirectory(Directory);
    if (!InDirectory)
      return InDirectory.takeError();
    if (*InDirectory) {
      Chain.push_back(**InDirectory);
      if (!Chain.back().Options.InheritParentConfig.value_or(false))
        break;
    }
    llvm::StringRef Parent = llvm::sys::path::parent_path(Directory);
    if (Parent == Directory)
      break;
    Directory = Parent;
  }
  // Parents first, so nearer files win; the order is clang-tidy's priority.
  std::string Origin = "the default configuration";
  unsigned Priority = 1;
  for (auto It = Chain.rbegin(); It != Chain.rend(); ++It) {
    Options.mergeWith(It->Options, Priority++);
    Origin = It->Path;
  }
  return finish(std::move(Options), Origin);
}

llvm::Expected<ClangTidyOptions>
Configuration::finish(ClangTidyOptions Options, llvm::StringRef Origin) const {
  Options.mergeWith(Settings.Overrides, /*Order=*/1000);
  if (Settings.ChecksGlob) {
    Options.Checks = "-*," + *Settings.ChecksGlob;
    return std::move(Options);
  }
  std::string Checks = std::string("-*,") + DefaultChecksGlob;
  std::string FromConfig;
  for (const std::string &Term : globTerms(Options.Checks.value_or("")))
    if (concernsValueTask(Term))
      FromConfig += "," + Term;
  if (!FromConfig.empty())
    if (llvm::Error Err = validateCheckNames(
            llvm::StringRef(FromConfig).drop_front(), "'" + Origin.str() + "'"))
      return std::move(Err);
  Options.Checks = Checks + FromConfig;
  return std::move(Options);
}

} // namespace vtlint
