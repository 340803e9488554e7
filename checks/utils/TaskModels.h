//===--- TaskModels.h - the task-type models one check configuration sees ===//
//
// Every valuetask-* check asks one object what a type is: TaskModels. It
// holds, in the order a class is looked up:
//  1. custom models from the options (`TaskModels: 'acme'` and the
//     `TaskModel.acme.*` keys, docs/models.md), for a team's own types;
//  2. vt's model for the types named by the ValueTaskTypes (default
//     ::vt::ValueTask) and TaskTypes (default ::vt::Task) shorthands, and for
//     classes annotated [[clang::annotate("vt::value_task")]] or
//     ("vt::task");
//  3. the built-in models of the libraries listed in BuiltinTaskModels
//     (default: all of them), each of which only matches its own types, so
//     they cost nothing where those libraries are not used.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_TASKMODELS_H
#define VTLINT_CHECKS_UTILS_TASKMODELS_H

#include "utils/TaskModel.h"
#include "utils/ValueTaskTypes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>

namespace clang::tidy::valuetask {

class TaskModels {
public:
  explicit TaskModels(const ClangTidyCheck::OptionsView &Options);

  void store(ClangTidyOptions::OptionMap &Opts,
             const ClangTidyCheck::OptionsView &Options) const;

  /// The model of a class (or of a specialization of a class template, or a
  /// class template's pattern); null when no model describes it.
  const TaskModel *modelOfClass(const CXXRecordDecl *Record) const;
  /// The model of the type a value of \p Type has: through typedefs, cv and
  /// references, and inside a template also a dependent specialization such
  /// as `vt::ValueTask<T>`.
  const TaskModel *modelOf(QualType Type) const;
  /// The model of \p Type when it is an object (not a reference or pointer)
  /// whose consumption the flow analysis follows: any kind but shareable.
  const TaskModel *trackedModel(QualType Type) const;

  /// \p Callee is one of \p Model's consuming free functions.
  bool isConsumingFunction(const NamedDecl *Callee, const TaskModel &Model) const;
  /// \p Callee is one of \p Model's ready-value factories.
  bool isReadyFactory(const NamedDecl *Callee, const TaskModel &Model) const;

  /// The vt shorthand lists (the profile-guided checks and the value-task/
  /// task pair of valuetask-always-async read them).
  const ValueTaskTypes &vtTypes() const { return VtTypes; }
  /// True for a model built from the vt shorthands or annotations.
  bool isVtModel(const TaskModel &Model) const {
    return &Model == VtValueTask.get() || &Model == VtTask.get();
  }

  /// Same options: both agree on every type.
  bool operator==(const TaskModels &Other) const {
    return Fingerprint == Other.Fingerprint;
  }

private:
  const TaskModel *lookUp(const CXXRecordDecl *Record) const;
  void readCustomModels(const ClangTidyCheck::OptionsView &Options);

  ValueTaskTypes VtTypes;
  std::string RawCustomModels;
  std::string RawBuiltinModels;
  std::vector<std::pair<std::string, std::string>> RawCustomFacts;
  std::shared_ptr<const TaskModel> VtValueTask;
  std::shared_ptr<const TaskModel> VtTask;
  /// Custom models first, then vt's, then the built-ins: the first model
  /// naming a class wins.
  std::vector<std::shared_ptr<const TaskModel>> Models;
  /// The last component of every model's type names: a class whose simple
  /// name is not here is no task, without building its qualified name.
  llvm::StringSet<> SimpleNames;
  std::string Fingerprint;
  mutable llvm::DenseMap<const CXXRecordDecl *, const TaskModel *> Cache;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_TASKMODELS_H
