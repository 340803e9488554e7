//===--- SpelledValueTask.h - value tasks in not yet instantiated code ---===//
//
// In a template, `vt::ValueTask<T>` is a dependent type: ValueTaskTypes
// cannot look at a class yet. But the class template is already known, and
// whatever T turns out to be, the type is a value task. The flow checks use
// this to analyse a template once, at its pattern.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_SPELLEDVALUETASK_H
#define VTLINT_CHECKS_UTILS_SPELLEDVALUETASK_H

#include "utils/ValueTaskTypes.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::valuetask {

/// True for a specialization of a value-task class template, also with
/// dependent arguments (`vt::ValueTask<T>`).
bool isSpelledValueTask(QualType Type, const ValueTaskTypes &Types);

/// True for a call not resolved yet (a dependent call) whose every
/// candidate function returns a value task.
bool returnsSpelledValueTask(const CallExpr &Call, const ValueTaskTypes &Types);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_SPELLEDVALUETASK_H
