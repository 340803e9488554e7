//===--- SpelledValueTask.cpp - value tasks in not yet instantiated code -===//

#include "utils/SpelledValueTask.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::valuetask {

bool isSpelledValueTask(QualType Type, const ValueTaskTypes &Types) {
  if (Type.isNull())
    return false;
  if (!Type->isDependentType())
    return Types.isValueTask(Type) && !Type->isReferenceType();
  const auto *Specialization = Type->getAs<TemplateSpecializationType>();
  const auto *Template =
      Specialization ? dyn_cast_or_null<ClassTemplateDecl>(
                           Specialization->getTemplateName().getAsTemplateDecl())
                     : nullptr;
  return Template && Types.isValueTaskClass(Template->getTemplatedDecl());
}

bool returnsSpelledValueTask(const CallExpr &Call, const ValueTaskTypes &Types) {
  const auto *Lookup =
      dyn_cast<OverloadExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Lookup || Lookup->decls().empty())
    return false;
  return llvm::all_of(Lookup->decls(), [&](const NamedDecl *Candidate) {
    const auto *Function = Candidate->getUnderlyingDecl()->getAsFunction();
    return Function && isSpelledValueTask(Function->getReturnType(), Types);
  });
}

} // namespace clang::tidy::valuetask
