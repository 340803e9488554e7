//===--- ValueTaskTypes.cpp - which types are value tasks and tasks ------===//

#include "utils/ValueTaskTypes.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {
namespace {

bool hasAnnotation(const Decl *D, StringRef Annotation) {
  for (const auto *Attribute : D->specific_attrs<AnnotateAttr>())
    if (Attribute->getAnnotation() == Annotation)
      return true;
  return false;
}

/// The class itself and, for a template specialization, its primary
/// template's pattern: attributes and names live there.
bool classMatches(const CXXRecordDecl *Record, llvm::ArrayRef<std::string> Names,
                  StringRef Annotation) {
  if (!Record)
    return false;
  const CXXRecordDecl *Pattern = Record;
  if (const auto *Specialization =
          dyn_cast<ClassTemplateSpecializationDecl>(Record))
    Pattern = Specialization->getSpecializedTemplate()->getTemplatedDecl();
  if (hasAnnotation(Record, Annotation) || hasAnnotation(Pattern, Annotation))
    return true;
  if (Names.empty() || !Record->getDeclName().isIdentifier())
    return false;
  std::string Qualified = "::" + Record->getQualifiedNameAsString();
  return llvm::is_contained(Names, Qualified);
}

const CXXRecordDecl *recordOf(QualType Type) {
  if (Type.isNull())
    return nullptr;
  return namedClass(Type.getNonReferenceType());
}

AST_MATCHER_P2(QualType, isConfiguredClassType, std::vector<std::string>, Names,
               std::string, Annotation) {
  if (Node.isNull() || Node->isReferenceType())
    return false;
  return classMatches(namedClass(Node), Names, Annotation);
}

} // namespace

/// The class a type names. Inside a template, `vt::ValueTask<T>` is a
/// dependent specialization with no class yet: it names the class template's
/// pattern, which is enough to know it is a value task.
const CXXRecordDecl *namedClass(QualType Type) {
  if (Type.isNull())
    return nullptr;
  if (const CXXRecordDecl *Record = Type->getAsCXXRecordDecl())
    return Record;
  const auto *Specialization = Type->getAs<TemplateSpecializationType>();
  if (!Specialization)
    return nullptr;
  if (Specialization->isTypeAlias())
    return namedClass(Specialization->getAliasedType());
  const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
      Specialization->getTemplateName().getAsTemplateDecl());
  return Template ? Template->getTemplatedDecl() : nullptr;
}

std::vector<std::string> parseQualifiedNames(StringRef Raw) {
  std::vector<std::string> Names;
  for (StringRef Name : utils::options::parseStringList(Raw)) {
    Name = Name.trim();
    if (Name.empty())
      continue;
    // Names are compared fully qualified, with a leading "::".
    Names.push_back(Name.starts_with("::") ? Name.str() : ("::" + Name).str());
  }
  return Names;
}

ValueTaskTypes::ValueTaskTypes(const ClangTidyCheck::OptionsView &Options)
    : RawValueTaskTypes(
          Options.getLocalOrGlobal("ValueTaskTypes", DefaultValueTaskTypes)),
      RawTaskTypes(Options.getLocalOrGlobal("TaskTypes", DefaultTaskTypes)),
      ValueTaskNames(parseQualifiedNames(RawValueTaskTypes)),
      TaskNames(parseQualifiedNames(RawTaskTypes)) {}

void ValueTaskTypes::store(ClangTidyOptions::OptionMap &Opts,
                           const ClangTidyCheck::OptionsView &Options) const {
  Options.store(Opts, "ValueTaskTypes", RawValueTaskTypes);
  Options.store(Opts, "TaskTypes", RawTaskTypes);
}

bool ValueTaskTypes::isValueTaskClass(const CXXRecordDecl *Record) const {
  return classMatches(Record, ValueTaskNames, ValueTaskAnnotation);
}

bool ValueTaskTypes::isTaskClass(const CXXRecordDecl *Record) const {
  return classMatches(Record, TaskNames, TaskAnnotation);
}

bool ValueTaskTypes::isValueTask(QualType Type) const {
  return isValueTaskClass(recordOf(Type));
}

bool ValueTaskTypes::isTask(QualType Type) const {
  return isTaskClass(recordOf(Type));
}

ast_matchers::internal::Matcher<QualType> ValueTaskTypes::valueTaskType() const {
  return isConfiguredClassType(ValueTaskNames, ValueTaskAnnotation.str());
}

ast_matchers::internal::Matcher<QualType> ValueTaskTypes::taskType() const {
  return isConfiguredClassType(TaskNames, TaskAnnotation.str());
}

} // namespace clang::tidy::valuetask
