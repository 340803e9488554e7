//===--- ValueTaskTidyModule.cpp - the valuetask clang-tidy module -------===//
//
// Registers the valuetask-* checks. The same objects are linked into the
// clang-tidy plugin (libvaluetask-tidy.so) and into vtlint.
//
//===----------------------------------------------------------------------===//

#include "AlwaysAsyncCheck.h"
#include "DoubleAwaitCheck.h"
#include "LowSyncRateCheck.h"
#include "PreferValueTaskCheck.h"
#include "ResultBeforeCompletionCheck.h"
#include "StoredCheck.h"
#include "UnawaitedCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::valuetask {
namespace {

/// The plugin uses clang-tidy's C++ classes directly, whose layout changes
/// between releases: loaded into another clang-tidy it must not run.
bool hostMatchesBuildVersion() {
  static const bool Matches = [] {
    std::string Host = getClangFullVersion();
    if (llvm::StringRef(Host).contains("version " CLANG_VERSION_STRING))
      return true;
    llvm::errs() << "valuetask-tidy: built for clang-tidy " CLANG_VERSION_STRING
                    ", not for this one ('"
                 << Host << "'); the valuetask-* checks are disabled\n";
    return false;
  }();
  return Matches;
}

class ValueTaskModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    if (!hostMatchesBuildVersion())
      return;
    Factories.registerCheck<AlwaysAsyncCheck>("valuetask-always-async");
    Factories.registerCheck<DoubleAwaitCheck>("valuetask-double-await");
    Factories.registerCheck<LowSyncRateCheck>("valuetask-low-sync-rate");
    Factories.registerCheck<PreferValueTaskCheck>("valuetask-prefer-valuetask");
    Factories.registerCheck<ResultBeforeCompletionCheck>(
        "valuetask-result-before-completion");
    Factories.registerCheck<StoredCheck>("valuetask-stored");
    Factories.registerCheck<UnawaitedCheck>("valuetask-unawaited");
  }
};

} // namespace

static ClangTidyModuleRegistry::Add<ValueTaskModule>
    Registration("valuetask-module", "Checks for value-task misuse.");

} // namespace clang::tidy::valuetask

// Referenced by vtlint so that the linker keeps this module's registration.
namespace clang::tidy {
// NOLINTNEXTLINE(readability-identifier-naming)
volatile int ValueTaskModuleAnchorSource = 0;
} // namespace clang::tidy
