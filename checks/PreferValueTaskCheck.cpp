//===--- PreferValueTaskCheck.cpp - valuetask-prefer-valuetask -------------===//

#include "PreferValueTaskCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "utils/ProfiledFunctions.h"
#include "utils/ReturnTypeSpelling.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

PreferValueTaskCheck::PreferValueTaskCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Types(Options), Profile(Options),
      PreferSyncRate(ProfileOptions::readPercent(
          *this, Options, "PreferSyncRate", "70%", RawPreferSyncRate)) {}

void PreferValueTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Opts, Options);
  Profile.store(Opts, Options);
  Options.store(Opts, "PreferSyncRate", RawPreferSyncRate);
}

void PreferValueTaskCheck::registerMatchers(MatchFinder *Finder) {
  if (Profile.enabled())
    matchProfiledFunctions(*Finder, this, Types.taskType());
}

void PreferValueTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function = profiledFunction(Result);
  if (!Function || !Types.isTask(Function->getReturnType()))
    return;
  ProfileData *Data = Profile.profile(*this);
  if (!Data)
    return;
  std::optional<FunctionCounts> Counts =
      Data->countsFor(*Function, *Result.SourceManager, ProfiledReturn::Task);
  if (!Counts || Counts->Calls < Profile.minCalls() || Counts->Calls == 0)
    return;
  double Rate = 100.0 * static_cast<double>(Counts->Sync) /
                static_cast<double>(Counts->Calls);
  if (Rate >= PreferSyncRate)
    diagnose(*Function, *Counts, *Result.Context);
}

void PreferValueTaskCheck::diagnose(const FunctionDecl &Function,
                                    const FunctionCounts &Counts,
                                    const ASTContext &Context) {
  // The value task type beside the task type (vt::ValueTask beside
  // vt::Task), else the first configured one.
  std::optional<StringRef> Sibling = siblingTypeName(
      namedClass(Function.getReturnType()), Types.valueTaskNames());
  StringRef ValueTaskName = Sibling ? *Sibling
                            : Types.valueTaskNames().empty()
                                ? StringRef("::vt::ValueTask")
                                : StringRef(Types.valueTaskNames().front());
  std::string Suggested = unqualifiedName(ValueTaskName).str() +
                          templateArgumentsText(Function, Context);
  // Every synchronous call allocated a task (its coroutine frame or shared
  // state) that a ready value task would have carried inline.
  diag(Function.getLocation(),
       "%0 completed synchronously on %1%% of %2 calls; returning %3 would "
       "avoid about %4 allocations")
      << &Function << formatPercent(Counts.Sync, Counts.Calls)
      << formatCount(Counts.Calls) << Suggested << formatCount(Counts.Sync);
}

} // namespace clang::tidy::valuetask
