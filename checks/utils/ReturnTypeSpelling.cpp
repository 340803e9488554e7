//===--- ReturnTypeSpelling.cpp - naming and rewriting a return type -----===//

#include "ReturnTypeSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::valuetask {

StringRef unqualifiedName(StringRef Qualified) {
  size_t Separator = Qualified.rfind("::");
  return Separator == StringRef::npos ? Qualified
                                      : Qualified.drop_front(Separator + 2);
}

std::optional<TemplateSpecializationTypeLoc>
writtenTemplateReturn(const FunctionDecl &Function) {
  FunctionTypeLoc FunctionLoc = Function.getFunctionTypeLoc();
  if (!FunctionLoc)
    return std::nullopt;
  TypeLoc Return = FunctionLoc.getReturnLoc();
  while (true) {
    if (auto Qualified = Return.getAs<QualifiedTypeLoc>())
      Return = Qualified.getUnqualifiedLoc();
    else if (auto Elaborated = Return.getAs<ElaboratedTypeLoc>())
      Return = Elaborated.getNamedTypeLoc();
    else
      break;
  }
  auto Specialization = Return.getAs<TemplateSpecializationTypeLoc>();
  if (!Specialization || !isa_and_nonnull<ClassTemplateDecl>(
                             Specialization.getTypePtr()
                                 ->getTemplateName()
                                 .getAsTemplateDecl()))
    return std::nullopt;
  return Specialization;
}

std::string templateArgumentsText(const FunctionDecl &Function,
                                  const ASTContext &Context) {
  if (auto Written = writtenTemplateReturn(Function)) {
    CharSourceRange Range = CharSourceRange::getTokenRange(
        Written->getLAngleLoc(), Written->getRAngleLoc());
    StringRef Text = Lexer::getSourceText(Range, Context.getSourceManager(),
                                          Context.getLangOpts());
    if (!Text.empty())
      return Text.str();
  }
  QualType Return = Function.getReturnType();
  llvm::ArrayRef<TemplateArgument> Arguments;
  if (const auto *Specialization =
          dyn_cast_or_null<ClassTemplateSpecializationDecl>(
              Return->getAsCXXRecordDecl()))
    Arguments = Specialization->getTemplateArgs().asArray();
  else if (const auto *Dependent =
               Return->getAs<TemplateSpecializationType>())
    Arguments = Dependent->template_arguments();
  std::string Text;
  llvm::raw_string_ostream Out(Text);
  printTemplateArgumentList(Out, Arguments, Context.getPrintingPolicy());
  return Text.empty() ? "<>" : Text;
}

std::optional<StringRef> siblingTypeName(const CXXRecordDecl *Record,
                                         llvm::ArrayRef<std::string> Names) {
  if (!Record)
    return std::nullopt;
  std::string Qualified = "::" + Record->getQualifiedNameAsString();
  StringRef Namespace = StringRef(Qualified).rsplit("::").first;
  for (const std::string &Name : Names)
    if (StringRef(Name).rsplit("::").first == Namespace)
      return StringRef(Name);
  return std::nullopt;
}

bool hasSingleDeclaration(const FunctionDecl &Function) {
  if (Function.getPreviousDecl() || Function.getMostRecentDecl() != &Function)
    return false;
  const FunctionTemplateDecl *Template = Function.getDescribedFunctionTemplate();
  return !Template || (!Template->getPreviousDecl() &&
                       Template->getMostRecentDecl() == Template);
}

std::optional<FixItHint> renameReturnTemplate(const FunctionDecl &Function,
                                              StringRef NewName) {
  if (Function.getLocation().isMacroID() || !hasSingleDeclaration(Function))
    return std::nullopt;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
      Method && Method->isVirtual())
    return std::nullopt;
  std::optional<TemplateSpecializationTypeLoc> Written =
      writtenTemplateReturn(Function);
  if (!Written || Written->getTemplateNameLoc().isMacroID())
    return std::nullopt;
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Written->getTemplateNameLoc()), NewName);
}

} // namespace clang::tidy::valuetask
