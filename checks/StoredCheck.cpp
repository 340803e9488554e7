//===--- StoredCheck.cpp - valuetask-stored --------------------------------===//

#include "StoredCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "utils/HeldValueTask.h"
#include "utils/WrittenInSource.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {
namespace {

static constexpr StringRef FieldId = "field";
static constexpr StringRef VariableId = "variable";

/// A lambda's captures (and init-captures) are its closure's members; a
/// captured value task is consumed by the lambda, not kept.
AST_MATCHER(FieldDecl, isInLambdaClosure) {
  const auto *Closure = dyn_cast<CXXRecordDecl>(Node.getParent());
  return Closure && Closure->isLambda();
}

/// An implicit instantiation of a variable template: its pattern is checked
/// once instead.
AST_MATCHER(VarDecl, isVariableTemplateInstantiation) {
  const auto *Specialization = dyn_cast<VarTemplateSpecializationDecl>(&Node);
  return Specialization &&
         isTemplateInstantiation(Specialization->getSpecializationKind());
}

/// Where a variable lives decides the words of the warning; an empty kind
/// means it does not keep a value task at all.
StringRef variableKind(const VarDecl &Variable, ValueTaskHolding Holding) {
  if (!Holding.Holds)
    return {};
  if (Variable.getTLSKind() != VarDecl::TLS_None)
    return "thread-local variable";
  if (Variable.isStaticLocal() || Variable.isStaticDataMember())
    return "static variable";
  if (Variable.hasGlobalStorage())
    return "global variable";
  // A plain local value task is consumed in its scope; a collection of them
  // invites consuming one twice while walking it.
  return Holding.InCollection ? "local container" : StringRef();
}

} // namespace

StoredCheck::StoredCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Types(Options),
      RawAllowedClasses(Options.get("AllowedClasses", "")),
      AllowedClasses(parseQualifiedNames(RawAllowedClasses)) {}

void StoredCheck::registerMatchers(MatchFinder *Finder) {
  // Each declaration once, as written: not in system headers, not generated
  // by the compiler, not per template instantiation.
  const auto WrittenOnce =
      allOf(unless(isExpansionInSystemHeader()), unless(isImplicit()));
  Finder->addMatcher(
      writtenInSource(
          fieldDecl(WrittenOnce, unless(isInLambdaClosure())).bind(FieldId)),
      this);
  Finder->addMatcher(
      writtenInSource(varDecl(WrittenOnce, unless(parmVarDecl()),
                              unless(isInitCapture()),
                              unless(isVariableTemplateInstantiation()))
                          .bind(VariableId)),
      this);
}

void StoredCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Field = Result.Nodes.getNodeAs<FieldDecl>(FieldId)) {
    if (!Field->getDeclName().isIdentifier() ||
        isExemptClassContext(Field->getParent()))
      return;
    if (findHeldValueTask(Field->getType(), Types).Holds)
      diagnose(Field, "data member");
    return;
  }
  const auto *Variable = Result.Nodes.getNodeAs<VarDecl>(VariableId);
  // Structured bindings and unnamed variables have no name to report; a
  // redeclaration was reported at the first declaration.
  if (!Variable || !Variable->getDeclName().isIdentifier() ||
      !Variable->isFirstDecl())
    return;
  if (Variable->isStaticDataMember() &&
      isExemptClassContext(Variable->getDeclContext()))
    return;
  StringRef Kind =
      variableKind(*Variable, findHeldValueTask(Variable->getType(), Types));
  if (!Kind.empty())
    diagnose(Variable, Kind);
}

bool StoredCheck::isExemptClassContext(const DeclContext *Context) const {
  for (; Context; Context = Context->getParent()) {
    const auto *Record = dyn_cast<CXXRecordDecl>(Context);
    if (!Record)
      continue;
    if (Types.isValueTaskClass(Record))
      return true;
    if (!AllowedClasses.empty() && Record->getDeclName().isIdentifier() &&
        llvm::is_contained(AllowedClasses,
                           "::" + Record->getQualifiedNameAsString()))
      return true;
  }
  return false;
}

void StoredCheck::diagnose(const DeclaratorDecl *Declaration, StringRef Kind) {
  diag(Declaration->getLocation(),
       "value task stored in %0 %1; a value task can be consumed only once "
       "and must not be kept: store a vt::Task (call as_task()) or consume "
       "it immediately")
      << Kind << Declaration;
}

void StoredCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Opts, Options);
  Options.store(Opts, "AllowedClasses", RawAllowedClasses);
}

} // namespace clang::tidy::valuetask
