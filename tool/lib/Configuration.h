//===--- Configuration.h - which checks run, with which options ----------===//
//
// vtlint's configuration for one file, resolved the way clang-tidy does it
// but strict about errors (a malformed file is exit 2, never skipped):
//  1. clang-tidy's defaults;
//  2. the `.clang-tidy` files found upwards from the file's directory, the
//     nearest first, following `InheritParentConfig: true` to its parents
//     (or, instead of all of them, the --config-file);
//  3. the checks: `--checks` when given replaces every other choice (only
//     the checks it names run); otherwise `valuetask-*` followed by the
//     valuetask terms of the configuration's `Checks`, so a project's
//     `.clang-tidy` written for clang-tidy (say `-*,bugprone-*`) does not
//     switch vtlint off, while `-valuetask-stored` there does.
// Every term of a checks glob must match at least one check of the binary.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_CONFIGURATION_H
#define VTLINT_TOOL_LIB_CONFIGURATION_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vtlint {

inline constexpr const char *DefaultChecksGlob = "valuetask-*";

struct ConfigurationSettings {
  /// --checks; std::nullopt means "valuetask-*" refined by the configuration.
  std::optional<std::string> ChecksGlob;
  /// --config-file; replaces the `.clang-tidy` search.
  std::optional<std::string> ConfigFile;
  /// --config: YAML or JSON text, as clang-tidy's; replaces the search too.
  std::optional<std::string> InlineConfig;
  /// Command-line options that win over every configuration file, as
  /// clang-tidy's do: --header-filter, --exclude-header-filter,
  /// --warnings-as-errors, --extra-arg, --extra-arg-before.
  clang::tidy::ClangTidyOptions Overrides;
};

/// The names of every check linked into this binary, sorted.
std::vector<std::string> availableChecks();

/// Checks that every term of Glob (comma-separated, optional '-' prefix)
/// matches at least one available check.
llvm::Error validateCheckNames(llvm::StringRef Glob, llvm::StringRef Origin);

/// validateCheckNames, and also that the glob enables at least one check.
/// Origin names where the glob came from, for the error message.
llvm::Error validateChecksGlob(llvm::StringRef Glob, llvm::StringRef Origin);

/// The checks Glob enables, sorted.
std::vector<std::string> enabledChecks(llvm::StringRef Glob);

class Configuration {
public:
  /// Reads and validates --checks and --config-file.
  static llvm::Expected<std::unique_ptr<Configuration>>
  create(const ConfigurationSettings &Settings);

  /// The options for the translation unit or header at File (absolute).
  /// Thread-safe; parsed `.clang-tidy` files are cached per directory.
  llvm::Expected<clang::tidy::ClangTidyOptions> optionsFor(llvm::StringRef File);

private:
  struct ParsedFile {
    std::string Path;
    clang::tidy::ClangTidyOptions Options;
  };
  explicit Configuration(ConfigurationSettings Settings)
      : Settings(std::move(Settings)) {}

  /// The `.clang-tidy` of Directory, if any (cached; errors are cached too).
  llvm::Expected<std::optional<ParsedFile>>
  configInDirectory(llvm::StringRef Directory);
  llvm::Expected<clang::tidy::ClangTidyOptions>
  finish(clang::tidy::ClangTidyOptions Options, llvm::StringRef Origin) const;

  ConfigurationSettings Settings;
  std::optional<ParsedFile> ConfigFile; // parsed --config-file

  std::mutex CacheMutex; // guards DirectoryCache
  struct CachedDirectory {
    std::optional<ParsedFile> File;
    std::string Error; // non-empty: the file exists but is malformed
  };
  llvm::StringMap<CachedDirectory> DirectoryCache;
};

/// Parses one configuration file; the error is a one-line description.
llvm::Expected<clang::tidy::ClangTidyOptions>
parseConfigurationFile(llvm::StringRef Path);

/// Parses configuration text; Origin names it in the error.
llvm::Expected<clang::tidy::ClangTidyOptions>
parseConfigurationText(llvm::MemoryBufferRef Text, llvm::StringRef Origin);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_CONFIGURATION_H
