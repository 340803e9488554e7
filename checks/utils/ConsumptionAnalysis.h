//===--- ConsumptionAnalysis.h - flow-sensitive task consumption ---------===//
//
// One forward dataflow over a function's CFG serves valuetask-double-await,
// valuetask-unawaited and valuetask-result-before-completion. For each local
// task variable whose model (TaskModel.h) is not shareable, each by-value
// parameter, each reference parameter and each variable a lambda captures
// by reference, it tracks per program point:
//  - the first consumptions that may have happened on some path to here;
//  - whether a pending value may be held on some normal path;
//  - whether the value is known to be complete on every path;
// partitioned by the values of the scalar locals the function branches on
// (ConsumptionState.h), so a completion kept in a `bool`, a flag set in a
// handler and a loop with a constant trip count are followed path by path.
//
// What a reference parameter or a captured variable holds at entry is the
// caller's business and unknown here: it is taken as complete and owned by
// the caller, so nothing is reported from the entry value alone; what the
// function itself does to it (a second consumption, a pending value it
// assigns and then reads with result()) is reported as for a local.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_CONSUMPTIONANALYSIS_H
#define VTLINT_CHECKS_UTILS_CONSUMPTIONANALYSIS_H

#include "utils/TaskModels.h"
#include "clang/AST/Decl.h"
#include <vector>

namespace clang::tidy::valuetask {

/// A task consumed at Second although it may have been consumed at First
/// already (for a re-awaitable task: moved away at First).
struct DoubleConsumption {
  const VarDecl *Var;
  /// The model the variable was analysed with (its type may still be an
  /// undeduced `auto` in a template); owned by the analysed TaskModels.
  const TaskModel *Model;
  SourceLocation Second;
  SourceLocation First;
};

/// `Var.result()` (the model's accessor Operation) at Call where Var may
/// not be complete yet.
struct ResultBeforeCompletion {
  const VarDecl *Var;
  const TaskModel *Model;
  SourceLocation Call;
  StringRef Operation;
};

/// A local that may still hold a pending value at Exit, where it goes out
/// of scope (or, with Overwritten, where it is assigned a new value).
struct UnconsumedValue {
  const VarDecl *Var;
  const TaskModel *Model;
  SourceLocation Exit;
  bool Overwritten;
};

struct ConsumptionFindings {
  std::vector<DoubleConsumption> DoubleConsumptions;
  std::vector<ResultBeforeCompletion> ResultsBeforeCompletion;
  std::vector<UnconsumedValue> UnconsumedValues;

  bool empty() const {
    return DoubleConsumptions.empty() && ResultsBeforeCompletion.empty() &&
           UnconsumedValues.empty();
  }
};

/// Runs the analysis over \p Function's body. Functions that cannot be
/// analysed (no body, invalid code, no CFG) yield no findings.
ConsumptionFindings analyzeConsumption(const FunctionDecl &Function,
                                       ASTContext &Context,
                                       const TaskModels &Models);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_CONSUMPTIONANALYSIS_H
