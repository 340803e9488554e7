//===--- ValueTaskTypes.h - which types are value tasks and tasks --------===//
//
// Every valuetask-* check agrees on one definition of "value task" and
// "task": the qualified names in the options ValueTaskTypes (default
// ::vt::ValueTask) and TaskTypes (default ::vt::Task), plus any class
// annotated [[clang::annotate("vt::value_task")]] (or "vt::task"), so other
// libraries can opt in without configuration.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_VALUETASKTYPES_H
#define VTLINT_CHECKS_UTILS_VALUETASKTYPES_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Type.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <string>
#include <vector>

namespace clang::tidy::valuetask {

inline constexpr llvm::StringLiteral DefaultValueTaskTypes = "::vt::ValueTask";
inline constexpr llvm::StringLiteral DefaultTaskTypes = "::vt::Task";
inline constexpr llvm::StringLiteral ValueTaskAnnotation = "vt::value_task";
inline constexpr llvm::StringLiteral TaskAnnotation = "vt::task";

/// The class \p Type names. Inside a template, `vt::ValueTask<T>` is a
/// dependent specialization with no class yet: it names the class template's
/// pattern (looked through alias templates), which is enough to know what
/// kind of type it is. Null for anything else.
const CXXRecordDecl *namedClass(QualType Type);

/// Splits a `;`-separated option into qualified names, each with a leading
/// "::" (the form getQualifiedNameAsString() is compared against).
std::vector<std::string> parseQualifiedNames(StringRef Raw);

/// The value-task and task type names configured for one check. Read with
/// getLocalOrGlobal, so a global `ValueTaskTypes` option serves every check.
class ValueTaskTypes {
public:
  explicit ValueTaskTypes(const ClangTidyCheck::OptionsView &Options);

  void store(ClangTidyOptions::OptionMap &Opts,
             const ClangTidyCheck::OptionsView &Options) const;

  /// True for a value task type (through typedefs, cv and references; in a
  /// template also a dependent specialization such as `vt::ValueTask<T>`).
  bool isValueTask(QualType Type) const;
  /// True for a multi-await task type (through typedefs, cv and references).
  bool isTask(QualType Type) const;
  /// True for a class that is a value task (or a specialization of one).
  bool isValueTaskClass(const CXXRecordDecl *Record) const;
  bool isTaskClass(const CXXRecordDecl *Record) const;

  /// Matches a (possibly sugared, cv-qualified) value task type, not a
  /// reference or pointer to one.
  ast_matchers::internal::Matcher<QualType> valueTaskType() const;
  /// Matches a (possibly sugared, cv-qualified) task type.
  ast_matchers::internal::Matcher<QualType> taskType() const;

  llvm::ArrayRef<std::string> valueTaskNames() const { return ValueTaskNames; }
  llvm::ArrayRef<std::string> taskNames() const { return TaskNames; }

  /// Same names configured: both agree on what every type is.
  bool operator==(const ValueTaskTypes &Other) const {
    return ValueTaskNames == Other.ValueTaskNames &&
           TaskNames == Other.TaskNames;
  }

private:
  std::string RawValueTaskTypes;
  std::string RawTaskTypes;
  std::vector<std::string> ValueTaskNames;
  std::vector<std::string> TaskNames;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_VALUETASKTYPES_H
