//===--- AlwaysAsyncCheck.h - valuetask-always-async -----------------------===//

#ifndef VTLINT_CHECKS_ALWAYSASYNCCHECK_H
#define VTLINT_CHECKS_ALWAYSASYNCCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/TaskModels.h"
#include <optional>
#include <vector>

namespace clang::tidy::valuetask {

/// Finds functions and lambdas that return a value task but can never
/// complete synchronously: coroutines in which every path to completion
/// first awaits something that is not a value task (a Task, delay, yield,
/// schedule, any other awaitable), and plain functions whose every return
/// wraps a Task. A value task only pays off on the synchronous fast path;
/// here it just adds a wrapper, so the function should return the Task.
/// Virtual functions and functions that only throw are left alone. A fix-it
/// changes `ValueTask<X>` to `Task<X>` when the function has one
/// declaration outside any macro.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-always-async.md
class AlwaysAsyncCheck : public ClangTidyCheck {
public:
  AlwaysAsyncCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Models(Options) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// The model of \p Type when it has a shareable counterpart, else null.
  const TaskModel *pairedModel(QualType Type) const;
  /// \p Type is the counterpart of \p Paired (vt::Task for vt::ValueTask).
  bool isCounterpart(QualType Type, const TaskModel &Paired) const;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    Models.store(Opts, Options);
  }

private:
  /// A returned task, and the value task written around it (null when the
  /// conversion is implicit), which a fix must unwrap.
  struct WrappedTask {
    const Expr *Wrapper;
    const Expr *Task;
  };
  struct Finding {
    StringRef Reason;
    std::vector<WrappedTask> Returns; // Plain functions only.
  };

  std::optional<Finding> findAlwaysAsync(const FunctionDecl &Function,
                                         ASTContext &Context) const;
  bool isAsyncPoint(const Expr &Await) const;
  std::optional<WrappedTask> findWrappedTask(const Expr *Returned,
                                             const TaskModel &Paired) const;
  void diagnose(const FunctionDecl &Function, const LambdaExpr *Lambda,
                const Finding &Found, ASTContext &Context);
  std::optional<std::vector<FixItHint>>
  unwrapFixes(llvm::ArrayRef<WrappedTask> Returns,
              const ASTContext &Context) const;

  const TaskModels Models;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_ALWAYSASYNCCHECK_H
