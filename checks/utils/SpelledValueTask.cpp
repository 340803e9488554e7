//===--- SpelledValueTask.cpp - tasks in not yet instantiated code -------===//

#include "utils/SpelledValueTask.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::valuetask {

bool isSpelledTask(QualType Type, const TaskModels &Models) {
  return !Type.isNull() && !Type->isReferenceType() && Models.modelOf(Type);
}

const TaskModel *modelReturnedBy(const CallExpr &Call, const TaskModels &Models) {
  const auto *Lookup =
      dyn_cast<OverloadExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Lookup || Lookup->decls().empty())
    return nullptr;
  const TaskModel *Common = nullptr;
  for (const NamedDecl *Candidate : Lookup->decls()) {
    const auto *Function = Candidate->getUnderlyingDecl()->getAsFunction();
    const TaskModel *Model =
        Function ? Models.modelOf(Function->getReturnType()) : nullptr;
    if (!Model || Function->getReturnType()->isReferenceType() ||
        (Common && Common != Model))
      return nullptr;
    Common = Model;
  }
  return Common;
}

} // namespace clang::tidy::valuetask
