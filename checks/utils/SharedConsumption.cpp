//===--- SharedConsumption.cpp - one consumption analysis per function ----===//

#include "utils/SharedConsumption.h"
#include "llvm/ADT/DenseMap.h"
#include <list>
#include <memory>

namespace clang::tidy::valuetask {
namespace {

/// The results of one type configuration. A function without findings (most
/// of them) is kept as null: no allocation, and the answer is still known.
struct ConfigurationResults {
  explicit ConfigurationResults(const TaskModels &Models) : Models(Models) {}

  const TaskModels Models;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ConsumptionFindings>>
      ByFunction;
};

struct UnitResults {
  const ASTContext *Context = nullptr;
  /// Almost always one entry: every check reads the global options. A list:
  /// an entry never moves while its results are read.
  std::list<ConfigurationResults> Configurations;

  ConfigurationResults &configuration(const TaskModels &Models) {
    for (ConfigurationResults &Results : Configurations)
      if (Results.Models == Models)
        return Results;
    return Configurations.emplace_back(Models);
  }
};

/// Step 1: one per thread, never shared.
thread_local UnitResults KeptResults;

const ConsumptionFindings NoFindings;

} // namespace

const ConsumptionFindings &sharedConsumption(const FunctionDecl &Function,
                                             ASTContext &Context,
                                             const TaskModels &Models) {
  // Step 2: results of another AST are dropped before any lookup.
  if (KeptResults.Context != &Context) {
    releaseSharedConsumption();
    KeptResults.Context = &Context;
  }
  ConfigurationResults &Configuration = KeptResults.configuration(Models);
  auto &ByFunction = Configuration.ByFunction;
  auto [It, Inserted] = ByFunction.try_emplace(&Function);
  if (Inserted) {
    // The kept configuration's models: the findings point at their
    // TaskModel objects, which must outlive the check that asked first.
    ConsumptionFindings Findings =
        analyzeConsumption(Function, Context, Configuration.Models);
    if (!Findings.empty())
      It->second = std::make_unique<ConsumptionFindings>(std::move(Findings));
  }
  return It->second ? *It->second : NoFindings;
}

void releaseSharedConsumption() { KeptResults = UnitResults(); }

} // namespace clang::tidy::valuetask
