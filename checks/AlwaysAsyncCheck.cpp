//===--- AlwaysAsyncCheck.cpp - valuetask-always-async ---------------------===//

#include "AlwaysAsyncCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "utils/CoroutinePaths.h"
#include "utils/OwnReturnStatements.h"
#include "utils/ReturnTypeSpelling.h"
#include "utils/WrittenInSource.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {
namespace {

static constexpr StringRef FunctionId = "function";
static constexpr StringRef LambdaId = "lambda";

static constexpr StringRef EveryPathAwaits =
    "every path awaits an asynchronous operation first";
static constexpr StringRef EveryReturnWrapsTask = "every return wraps a task";

/// std::suspend_never and friends never suspend: awaiting one is no
/// asynchronous point.
bool isNeverSuspending(QualType Type) {
  const CXXRecordDecl *Record = namedClass(Type);
  return Record && Record->isInStdNamespace() &&
         Record->getDeclName().isIdentifier() &&
         Record->getName() == "suspend_never";
}

/// The one argument a constructor call was written with (default arguments
/// do not count), or null.
const Expr *onlyWrittenArgument(const CXXConstructExpr &Construct) {
  const Expr *Only = nullptr;
  for (const Expr *Argument : Construct.arguments()) {
    if (isa<CXXDefaultArgExpr>(Argument))
      continue;
    if (Only)
      return nullptr;
    Only = Argument;
  }
  return Only;
}

/// A value task of a model that has a shareable counterpart (the value-task
/// / task pair): the only kind of function this check has advice for.
AST_MATCHER_P(QualType, hasPairedModel, const AlwaysAsyncCheck *, Check) {
  return !Node.isNull() && !Node->isReferenceType() && Check->pairedModel(Node);
}

} // namespace

const TaskModel *AlwaysAsyncCheck::pairedModel(QualType Type) const {
  const TaskModel *Model = Models.modelOf(Type);
  return Model && !Model->Counterpart.empty() ? Model : nullptr;
}

bool AlwaysAsyncCheck::isCounterpart(QualType Type,
                                     const TaskModel &Paired) const {
  const TaskModel *Model = Models.modelOf(Type);
  if (!Model || Model->Kind != TaskKind::Shareable)
    return false;
  if (Models.isVtModel(Paired))
    return Models.isVtModel(*Model);
  const CXXRecordDecl *Record = namedClass(Type.getNonReferenceType());
  return Record && "::" + Record->getQualifiedNameAsString() == Paired.Counterpart;
}

void AlwaysAsyncCheck::registerMatchers(MatchFinder *Finder) {
  const auto ReturnsValueTask = returns(qualType(hasPairedModel(this)));
  // Each function once, as written: templates are analysed at their
  // pattern, never per instantiation.
  const auto WrittenOnce =
      allOf(unless(isExpansionInSystemHeader()), unless(isImplicit()));
  // An override must keep the signature its base class chose.
  const auto Overridable = cxxMethodDecl(isVirtual());
  // Lambdas are matched as lambda expressions, reported at the lambda.
  const auto LambdaCallOperator = cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())));
  Finder->addMatcher(
      writtenInSource(functionDecl(isDefinition(), ReturnsValueTask,
                                   WrittenOnce, unless(Overridable),
                                   unless(LambdaCallOperator))
                          .bind(FunctionId)),
      this);
  Finder->addMatcher(writtenInSource(lambdaExpr().bind(LambdaId)), this);
}

void AlwaysAsyncCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>(LambdaId);
  const FunctionDecl *Function =
      Lambda ? Lambda->getCallOperator()
             : Result.Nodes.getNodeAs<FunctionDecl>(FunctionId);
  if (!Function || Function->isInvalidDecl() || !Function->getBody())
    return;
  QualType Return = Function->getReturnType();
  if (Return->isReferenceType() || !pairedModel(Return))
    return;
  if (std::optional<Finding> Found = findAlwaysAsync(*Function, *Result.Context))
    diagnose(*Function, Lambda, *Found, *Result.Context);
}

std::optional<AlwaysAsyncCheck::Finding>
AlwaysAsyncCheck::findAlwaysAsync(const FunctionDecl &Function,
                                  ASTContext &Context) const {
  const Stmt *Body = Function.getBody();
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body)) {
    if (!Coroutine->getBody())
      return {};
    std::optional<CompletionPaths> Paths = analyzeCompletionPaths(
        *Coroutine->getBody(), Context,
        [this](const Expr &Await) { return isAsyncPoint(Await); });
    // A body that cannot complete only throws (or never ends): it has no
    // synchronous path to speed up, and no asynchronous one either.
    if (!Paths || !Paths->CanComplete || Paths->CanCompleteWithoutAsyncPoint)
      return std::nullopt;
    return Finding{EveryPathAwaits, {}};
  }
  auto Returns = ownReturnStatements(*Body);
  if (Returns.empty())
    return std::nullopt;
  Finding Found{EveryReturnWrapsTask, {}};
  for (const ReturnStmt *Return : Returns) {
    std::optional<WrappedTask> Wrapped =
        findWrappedTask(Return->getRetValue(), *pairedModel(Function.getReturnType()));
    if (!Wrapped)
      return std::nullopt;
    Found.Returns.push_back(*Wrapped);
  }
  return Found;
}

bool AlwaysAsyncCheck::isAsyncPoint(const Expr &Await) const {
  const Expr *Operand = nullptr;
  if (const auto *Resolved = dyn_cast<CoawaitExpr>(&Await))
    Operand = Resolved->getOperand();
  else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(&Await))
    Operand = Dependent->getOperand();
  if (!Operand || Operand->getType().isNull())
    return false;
  QualType Type = Operand->getType();
  // A value task may complete synchronously: that is the point of one.
  if (pairedModel(Type) || isNeverSuspending(Type))
    return false;
  if (!Type->isDependentType() || namedClass(Type) != nullptr)
    return true;
  // Inside a template, an operand of unknown type (`co_await t` with `t` a
  // `T`) might be a value task once instantiated; a call whose every
  // candidate returns a known type that is none is an asynchronous point.
  const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreParenImpCasts());
  const auto *Lookup =
      Call ? dyn_cast<OverloadExpr>(Call->getCallee()->IgnoreParenImpCasts())
           : nullptr;
  if (!Lookup || Lookup->decls().empty())
    return false;
  return llvm::all_of(Lookup->decls(), [&](const NamedDecl *Candidate) {
    const FunctionDecl *Function = Candidate->getUnderlyingDecl()->getAsFunction();
    if (!Function)
      return false;
    QualType Returned = Function->getReturnType();
    return namedClass(Returned) && !pairedModel(Returned) &&
           !isNeverSuspending(Returned);
  });
}

std::optional<AlwaysAsyncCheck::WrappedTask>
AlwaysAsyncCheck::findWrappedTask(const Expr *Returned,
                                  const TaskModel &Paired) const {
  const Expr *Wrapper = nullptr;
  while (Returned) {
    Returned = Returned->IgnoreImplicit()->IgnoreParens();
    QualType Type = Returned->getType();
    if (isCounterpart(Type, Paired))
      return WrappedTask{Wrapper, Returned};
    // The outermost value task the user wrote (a cast or a temporary) is
    // what a fix to the return type must remove.
    if (!Wrapper && pairedModel(Type) &&
        isa<ExplicitCastExpr, CXXTemporaryObjectExpr>(Returned))
      Wrapper = Returned;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Returned)) {
      Returned = Cast->getSubExpr();
    } else if (const auto *List = dyn_cast<InitListExpr>(Returned)) {
      Returned = List->getNumInits() == 1 ? List->getInit(0) : nullptr;
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Returned)) {
      Returned =
          pairedModel(Type) ? onlyWrittenArgument(*Construct) : nullptr;
    } else if (const auto *Unresolved =
                   dyn_cast<CXXUnresolvedConstructExpr>(Returned)) {
      Returned = pairedModel(Type) && Unresolved->getNumArgs() == 1
                     ? Unresolved->getArg(0)
                     : nullptr;
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void AlwaysAsyncCheck::diagnose(const FunctionDecl &Function,
                                const LambdaExpr *Lambda, const Finding &Found,
                                ASTContext &Context) {
  // The task type beside the value task type (vt::Task beside
  // vt::ValueTask; a custom model's Counterpart); without one, name the
  // first configured task type and offer no fix.
  const TaskModel &Paired = *pairedModel(Function.getReturnType());
  std::optional<StringRef> Sibling =
      Models.isVtModel(Paired)
          ? siblingTypeName(namedClass(Function.getReturnType()),
                            Models.vtTypes().taskNames())
          : std::optional<StringRef>(Paired.Counterpart);
  StringRef TaskName = Sibling ? *Sibling : StringRef(Paired.Counterpart);
  std::string Suggested =
      TaskName.drop_front(2).str() + templateArgumentsText(Function, Context);

  auto Diag =
      Lambda ? diag(Lambda->getBeginLoc(),
                    "lambda returns a value task but never completes "
                    "synchronously; %0: return %1 instead")
                   << Found.Reason << Suggested
             : diag(Function.getLocation(),
                    "function %0 returns a value task but never completes "
                    "synchronously; %1: return %2 instead")
                   << &Function << Found.Reason << Suggested;

  bool Safe = Sibling && !Function.getLocation().isMacroID() &&
              (Lambda ? Lambda->hasExplicitResultType()
                      : hasSingleDeclaration(Function));
  std::optional<TemplateSpecializationTypeLoc> Written =
      writtenTemplateReturn(Function);
  if (!Safe || !Written || Written->getTemplateNameLoc().isMacroID())
    return;
  std::optional<std::vector<FixItHint>> Unwraps =
      unwrapFixes(Found.Returns, Context);
  if (!Unwraps)
    return;
  Diag << FixItHint::CreateReplacement(
              CharSourceRange::getTokenRange(Written->getTemplateNameLoc()),
              unqualifiedName(*Sibling))
       << *Unwraps;
}

std::optional<std::vector<FixItHint>>
AlwaysAsyncCheck::unwrapFixes(llvm::ArrayRef<WrappedTask> Returns,
                              const ASTContext &Context) const {
  // `return vt::ValueTask<int>(make_task());` must become
  // `return make_task();` once the function returns the task type; an
  // implicit conversion needs no edit.
  std::vector<FixItHint> Fixes;
  for (const WrappedTask &Return : Returns) {
    if (!Return.Wrapper)
      continue;
    SourceRange Wrapper = Return.Wrapper->getSourceRange();
    SourceRange Task = Return.Task->getSourceRange();
    if (Wrapper.getBegin().isMacroID() || Wrapper.getEnd().isMacroID() ||
        Task.getBegin().isMacroID() || Task.getEnd().isMacroID())
      return std::nullopt;
    StringRef TaskText = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Task), Context.getSourceManager(),
        Context.getLangOpts());
    if (TaskText.empty())
      return std::nullopt;
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Wrapper), TaskText));
  }
  return Fixes;
}

} // namespace clang::tidy::valuetask
