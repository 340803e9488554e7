//===--- SpelledValueTask.h - tasks in not yet instantiated code ---------===//
//
// In a template, `vt::ValueTask<T>` is a dependent type: a model cannot look
// at a class yet. But the class template is already known, and whatever T
// turns out to be, the type is that task type. The flow checks use this to
// analyse a template once, at its pattern.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_SPELLEDVALUETASK_H
#define VTLINT_CHECKS_UTILS_SPELLEDVALUETASK_H

#include "utils/TaskModels.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::valuetask {

/// True for an object type (not a reference) that some model describes, also
/// a specialization with dependent arguments (`vt::ValueTask<T>`).
bool isSpelledTask(QualType Type, const TaskModels &Models);

/// The model of what a call not resolved yet (a dependent call) returns,
/// when every candidate function returns a type of that same model.
const TaskModel *modelReturnedBy(const CallExpr &Call, const TaskModels &Models);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_SPELLEDVALUETASK_H
