//===--- ProfileGuidedCheck.cpp - the shape of the profile-guided checks --===//

#include "utils/ProfileGuidedCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "utils/ProfiledFunctions.h"
#include "utils/ReturnTypeSpelling.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

ProfileGuidedCheck::ProfileGuidedCheck(StringRef Name,
                                       ClangTidyContext *Context,
                                       ProfiledReturn Profiled,
                                       StringRef RateOption,
                                       StringRef DefaultRate)
    : ClangTidyCheck(Name, Context), Types(Options), Profiled(Profiled),
      Profile(Options), RateOption(RateOption.str()),
      Threshold(ProfileOptions::readPercent(*this, Options, RateOption,
                                            DefaultRate, RawThreshold)) {}

void ProfileGuidedCheck::registerMatchers(MatchFinder *Finder) {
  if (!Profile.enabled())
    return;
  matchProfiledFunctions(*Finder, this,
                         Profiled == ProfiledReturn::ValueTask
                             ? Types.valueTaskType()
                             : Types.taskType(),
                         Profile.lambdas());
}

void ProfileGuidedCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function = profiledFunction(Result);
  if (!Function || !returnsProfiledKind(*Function))
    return;
  ProfileData *Data = Profile.profile(*this);
  if (!Data)
    return;
  std::optional<FunctionCounts> Counts =
      Data->countsFor(*Function, *Result.SourceManager, Profiled);
  if (!Counts || Counts->Calls < Profile.minCalls() || Counts->Calls == 0)
    return;
  double SyncRate = 100.0 * static_cast<double>(Counts->Sync) /
                    static_cast<double>(Counts->Calls);
  if (isFinding(SyncRate))
    diagnose(*Function, *Counts, *Result.Context);
}

void ProfileGuidedCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Opts, Options);
  Profile.store(Opts, Options);
  Options.store(Opts, RateOption, RawThreshold);
}

void ProfileGuidedCheck::nameFunction(const DiagnosticBuilder &Diag,
                                      const FunctionDecl &Function) {
  if (isLambdaCallOperator(Function))
    Diag << "the lambda";
  else
    Diag << &Function;
}

bool ProfileGuidedCheck::returnsProfiledKind(
    const FunctionDecl &Function) const {
  return Profiled == ProfiledReturn::ValueTask
             ? Types.isValueTask(Function.getReturnType())
             : Types.isTask(Function.getReturnType());
}

ProfileGuidedCheck::Suggestion
ProfileGuidedCheck::suggestedReturnType(const FunctionDecl &Function,
                                        const ASTContext &Context) const {
  // The other kind's configured names; without a sibling among them, name
  // the first one, or the runtime's own type when none is configured.
  bool SuggestTask = Profiled == ProfiledReturn::ValueTask;
  llvm::ArrayRef<std::string> Names =
      SuggestTask ? Types.taskNames() : Types.valueTaskNames();
  StringRef Fallback = SuggestTask ? "::vt::Task" : "::vt::ValueTask";
  std::optional<StringRef> Sibling =
      siblingTypeName(namedClass(Function.getReturnType()), Names);
  StringRef Named = Sibling          ? *Sibling
                    : Names.empty() ? Fallback
                                    : StringRef(Names.front());
  return {Sibling,
          unqualifiedName(Named).str() + templateArgumentsText(Function, Context)};
}

} // namespace clang::tidy::valuetask
