//===--- Advice.h - the words of every finding, in the model's own names -===//
//
// Each check's message is built here from the task-type model of the
// variable or call it is about, so the advice names the library's own types
// and operations (`concurrencpp::result`, `get()`, `sync_wait()`) and never
// vt's names for another library. The format strings keep clang's %N
// placeholders for the arguments each check streams in.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_ADVICE_H
#define VTLINT_CHECKS_UTILS_ADVICE_H

#include "utils/TaskModel.h"
#include "clang/Basic/LLVM.h"
#include <string>

namespace clang::tidy::valuetask {

/// %0: the variable.
std::string consumedTwiceMessage(const TaskModel &Model);
/// %0: the variable.
std::string notConsumedMessage(const TaskModel &Model);
/// %0: the variable.
std::string overwrittenMessage(const TaskModel &Model);
/// %0: whether the callee has a name, %1: its name.
std::string discardedCallMessage(const TaskModel &Model);
/// %0: the variable.
std::string notCompleteMessage(const TaskModel &Model, StringRef Operation);
/// No argument: the read is on a temporary fresh from a call.
std::string notCompleteTemporaryMessage(const TaskModel &Model,
                                        StringRef Operation);
/// %0: where it is stored ("data member"), %1: the declaration.
std::string storedMessage(const TaskModel &Model, StringRef CounterpartName);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_ADVICE_H
