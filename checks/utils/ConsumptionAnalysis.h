//===--- ConsumptionAnalysis.h - flow-sensitive value-task consumption ---===//
//
// One forward dataflow over a function's CFG serves valuetask-double-await,
// valuetask-unawaited and valuetask-result-before-completion. For each local
// value-task variable (and by-value parameter) it tracks, per program point:
//  - the first consumptions that may have happened on some path to here;
//  - whether an unconsumed value may be held on some normal path;
//  - whether the value is known to be complete on every path.
// The joins are set union / "or" / "and", iterated with a worklist to a
// fixpoint, so the result does not depend on the order blocks are visited.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_CONSUMPTIONANALYSIS_H
#define VTLINT_CHECKS_UTILS_CONSUMPTIONANALYSIS_H

#include "utils/ValueTaskTypes.h"
#include "clang/AST/Decl.h"
#include <vector>

namespace clang::tidy::valuetask {

/// A value task consumed at Second although it may have been consumed at
/// First already.
struct DoubleConsumption {
  const VarDecl *Var;
  SourceLocation Second;
  SourceLocation First;
};

/// `Var.result()` at Call where Var may not be complete yet.
struct ResultBeforeCompletion {
  const VarDecl *Var;
  SourceLocation Call;
};

/// A local that may still hold an unconsumed value at Exit, where it goes
/// out of scope (or, with Overwritten, where it is assigned a new value).
struct UnconsumedValue {
  const VarDecl *Var;
  SourceLocation Exit;
  bool Overwritten;
};

struct ConsumptionFindings {
  std::vector<DoubleConsumption> DoubleConsumptions;
  std::vector<ResultBeforeCompletion> ResultsBeforeCompletion;
  std::vector<UnconsumedValue> UnconsumedValues;
};

/// Runs the analysis over \p Function's body. Functions that cannot be
/// analysed (no body, invalid code, no CFG) yield no findings.
ConsumptionFindings analyzeConsumption(const FunctionDecl &Function,
                                       ASTContext &Context,
                                       const ValueTaskTypes &Types);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_CONSUMPTIONANALYSIS_H
