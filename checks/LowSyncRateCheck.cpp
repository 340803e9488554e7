//===--- LowSyncRateCheck.cpp - valuetask-low-sync-rate --------------------===//

#include "LowSyncRateCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "utils/ProfiledFunctions.h"
#include "utils/ReturnTypeSpelling.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

LowSyncRateCheck::LowSyncRateCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Types(Options), Profile(Options),
      MinSyncRate(ProfileOptions::readPercent(*this, Options, "MinSyncRate",
                                              "50%", RawMinSyncRate)) {}

void LowSyncRateCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Opts, Options);
  Profile.store(Opts, Options);
  Options.store(Opts, "MinSyncRate", RawMinSyncRate);
}

void LowSyncRateCheck::registerMatchers(MatchFinder *Finder) {
  if (Profile.enabled())
    matchProfiledFunctions(*Finder, this, Types.valueTaskType());
}

void LowSyncRateCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function = profiledFunction(Result);
  if (!Function || !Types.isValueTask(Function->getReturnType()))
    return;
  ProfileData *Data = Profile.profile(*this);
  if (!Data)
    return;
  std::optional<FunctionCounts> Counts =
      Data->countsFor(*Function, *Result.SourceManager, ProfiledReturn::ValueTask);
  if (!Counts || Counts->Calls < Profile.minCalls() || Counts->Calls == 0)
    return;
  double Rate = 100.0 * static_cast<double>(Counts->Sync) /
                static_cast<double>(Counts->Calls);
  if (Rate < MinSyncRate)
    diagnose(*Function, *Counts, *Result.Context);
}

void LowSyncRateCheck::diagnose(const FunctionDecl &Function,
                                const FunctionCounts &Counts,
                                const ASTContext &Context) {
  // The task type beside the value task type (vt::Task beside
  // vt::ValueTask); without one, name the first configured task type and
  // offer no fix.
  std::optional<StringRef> Sibling =
      siblingTypeName(namedClass(Function.getReturnType()), Types.taskNames());
  StringRef TaskName = Sibling ? *Sibling
                       : Types.taskNames().empty()
                           ? StringRef("::vt::Task")
                           : StringRef(Types.taskNames().front());
  std::string Suggested = unqualifiedName(TaskName).str() +
                          templateArgumentsText(Function, Context);
  auto Diag = diag(Function.getLocation(),
                   "%0 completed synchronously on %1%% of %2 calls; a "
                   "ValueTask pays off only when most calls complete "
                   "synchronously; return %3")
              << &Function << formatPercent(Counts.Sync, Counts.Calls)
              << formatCount(Counts.Calls) << Suggested;
  // Only a coroutine keeps compiling with the other return type: a plain
  // function's `return value;` has no Task to convert to.
  if (!Sibling || !isa_and_nonnull<CoroutineBodyStmt>(Function.getBody()))
    return;
  if (std::optional<FixItHint> Fix =
          renameReturnTemplate(Function, unqualifiedName(*Sibling)))
    Diag << *Fix;
}

} // namespace clang::tidy::valuetask
