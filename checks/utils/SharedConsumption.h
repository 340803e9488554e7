//===--- SharedConsumption.h - one consumption analysis per function ------===//
//
// valuetask-double-await, valuetask-unawaited and
// valuetask-result-before-completion read three parts of one result: the
// consumption analysis of a function (ConsumptionAnalysis.h), which finds
// all three kinds of finding in one pass. Each check used to run it on its
// own, three CFGs and three fixpoints per function; now the first check to
// ask runs it and the others read the kept result.
//
// Lifetime and threads, in steps:
//  1. A translation unit is matched on one thread from start to end; vtlint
//     -j matches several units at once, one per thread. So the kept results
//     are per thread (thread_local): no state is shared between threads.
//  2. The results belong to one ASTContext. A request for another context
//     drops what was kept first, so a FunctionDecl pointer is never looked
//     up in an AST other than its own.
//  3. Each flow check releases the results at the start and at the end of
//     the unit (onStartOfTranslationUnit, before any match;
//     onEndOfTranslationUnit, after every match); the first call frees
//     them, the others find nothing. A freed ASTContext's address may be
//     reused by the next unit's, which step 2 alone would not catch; the
//     start also covers a unit whose matching was cut short (vtlint
//     recovers from a crash in one unit and goes on with the next).
//  4. Checks configured with different task-type models (per-check
//     ValueTaskTypes, TaskTypes, TaskModels options) analyse apart: results
//     are kept per configuration.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_SHAREDCONSUMPTION_H
#define VTLINT_CHECKS_UTILS_SHAREDCONSUMPTION_H

#include "utils/ConsumptionAnalysis.h"

namespace clang::tidy::valuetask {

/// analyzeConsumption(Function, Context, Models), run at most once per
/// function, translation unit and type configuration. The reference stays
/// valid until releaseSharedConsumption().
const ConsumptionFindings &sharedConsumption(const FunctionDecl &Function,
                                             ASTContext &Context,
                                             const TaskModels &Models);

/// Forgets every result kept on this thread (step 3 above).
void releaseSharedConsumption();

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_SHAREDCONSUMPTION_H
