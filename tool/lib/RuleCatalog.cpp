//===--- RuleCatalog.cpp - what each check is ----------------------------===//

#include "RuleCatalog.h"
#include "InstallLayout.h"
#include "llvm/ADT/StringExtras.h"

namespace vtlint {
namespace {

struct Entry {
  const char *Check;
  const char *Short;
  const char *Full;
};

constexpr Entry Entries[] = {
    {"valuetask-always-async",
     "A function returns a value task but can never complete synchronously.",
     "Every path to each co_return first awaits something that is not a "
     "value task, so the value task only adds cost; return the matching "
     "Task instead."},
    {"valuetask-double-await",
     "A value task is consumed more than once on some path.",
     "A value task may be awaited, or its result() or as_task() taken, only "
     "once: its source is reused afterwards. Await it once, or call "
     "as_task() and await the task as often as needed."},
    {"valuetask-low-sync-rate",
     "A function returns a value task but its profile shows it rarely "
     "completes synchronously.",
     "Profile-guided: in the vt::profile given with --profile, the function "
     "completed synchronously on fewer than MinSyncRate of its calls, so the "
     "value task buys nothing; return a Task."},
    {"valuetask-prefer-valuetask",
     "A function returns a Task but its profile shows it mostly completes "
     "synchronously.",
     "Profile-guided: in the vt::profile given with --profile, the function "
     "completed synchronously on at least PreferSyncRate of its calls, and "
     "each Task allocates; return a ValueTask."},
    {"valuetask-result-before-completion",
     "result() is called on a value task not known to be complete.",
     "result() may only be read after is_completed() (or "
     "is_completed_successfully()) was checked on every path to the call; "
     "otherwise await the value task."},
    {"valuetask-stored",
     "A value task is kept beyond one consumption.",
     "A value task held in a data member, a global, a static or thread-local "
     "variable, or a container invites a second consumption; store a Task "
     "(as_task()) instead."},
    {"valuetask-unawaited",
     "A value task is never consumed.",
     "A value task that is discarded or reaches the end of its scope "
     "unconsumed loses its result and its exception, and its source is "
     "never returned to its pool; await it."},
};

} // namespace

llvm::StringRef documentationUri() {
  static const std::string Uri = resolveDocumentationUri();
  return Uri;
}

RuleDescription describeRule(llvm::StringRef Check) {
  RuleDescription Result;
  for (llvm::StringRef Part : llvm::split(Check.drop_until([](char C) {
                                               return C == '-';
                                             }).drop_front(),
                                           '-'))
    if (!Part.empty())
      Result.Name += llvm::toUpper(Part.front()) + Part.drop_front().str();
  Result.HelpUri = (documentationUri() + "/checks/" + Check + ".md").str();
  for (const Entry &Known : Entries)
    if (Check == Known.Check) {
      Result.ShortDescription = Known.Short;
      Result.FullDescription = Known.Full;
      return Result;
    }
  Result.ShortDescription = ("The " + Check + " check.").str();
  Result.FullDescription =
      ("See the documentation of " + Check + " for details.").str();
  return Result;
}

} // namespace vtlint
