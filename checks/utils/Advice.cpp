//===--- Advice.cpp - the words of every finding, in the model's own names ===//

#include "utils/Advice.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::valuetask {
namespace {

/// "a value task", "an acme future".
std::string withArticle(const std::string &Noun) {
  bool Vowel = !Noun.empty() && llvm::is_contained("aeiouAEIOU", Noun.front());
  return (Vowel ? "an " : "a ") + Noun;
}

/// What losing one costs: an eager task's outcome, or a lazy task's work.
std::string dropCost(const TaskModel &Model) {
  return Model.Lazy ? "a lazy " + Model.Noun + " that is dropped never runs"
                    : "a dropped " + Model.Noun +
                          " loses its result and its errors";
}

/// "check is_completed() first", or nothing to suggest.
std::string completionCheck(const TaskModel &Model) {
  StringRef Query = Model.completionQueryName();
  return Query.empty() ? "" : "check " + Query.str() + "() first or ";
}

} // namespace

std::string consumedTwiceMessage(const TaskModel &Model) {
  if (Model.Kind == TaskKind::ReawaitableAfterCompletion)
    return Model.Noun +
           " %0 is consumed again after its task or its result was moved "
           "out; what is left is empty or moved-from: await the task it was "
           "moved into, or await this one as an lvalue before moving it";
  std::string Message = Model.Noun + " %0 is consumed a second time; " +
                        withArticle(Model.Noun) +
                        " can be consumed only once: await it once";
  if (!Model.ConversionMember.empty())
    Message += ", or call " + Model.ConversionMember + "() and await the task";
  return Message;
}

std::string notConsumedMessage(const TaskModel &Model) {
  return Model.Noun + " %0 is not consumed on every path; " + dropCost(Model) +
         ": " + Model.HowToConsume;
}

std::string overwrittenMessage(const TaskModel &Model) {
  return Model.Noun + " %0 is overwritten before it is consumed on some path; " +
         (Model.Lazy ? "the old lazy " + Model.Noun + " is dropped and never runs"
                     : "the old " + Model.Noun +
                           " is dropped with its result and its errors") +
         ": co_await it first";
}

std::string discardedCallMessage(const TaskModel &Model) {
  return Model.Noun + " returned by %select{this call|'%1'}0 is never awaited; " +
         dropCost(Model) + ": co_await it";
}

std::string notCompleteMessage(const TaskModel &Model, StringRef Operation) {
  return Operation.str() + "() is called on " + Model.Noun +
         " %0 that may not be complete; " + completionCheck(Model) +
         "co_await it";
}

std::string notCompleteTemporaryMessage(const TaskModel &Model,
                                        StringRef Operation) {
  std::string Check = completionCheck(Model);
  return Operation.str() + "() is called on " + withArticle(Model.Noun) +
         " fresh from a call, which may not be complete; keep it in a "
         "variable and " +
         (Check.empty() ? "co_await it"
                        : Check.substr(0, Check.size() - 4) + ", or co_await it");
}

std::string storedMessage(const TaskModel &Model, StringRef CounterpartName) {
  std::string Message = Model.Noun + " stored in %0 %1; " +
                        withArticle(Model.Noun) +
                        " can be consumed only once and must not be kept: ";
  if (!CounterpartName.empty() && !Model.ConversionMember.empty())
    Message += "store a " + CounterpartName.str() + " (call " +
               Model.ConversionMember + "()) or consume it immediately";
  else
    Message += "consume it immediately";
  return Message;
}

} // namespace clang::tidy::valuetask
