//===--- MainFileScope.cpp - match only the main file's own declarations -===//

#include "MainFileScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include <vector>

namespace vtlint {
namespace {

/// Collects the top-level declarations written in the main file (through
/// macro expansions: where the macro is used counts) and, once the unit is
/// parsed, makes them the traversal scope. It runs before the checks'
/// consumer in one MultiplexConsumer, so the scope is set when they match.
class MainFileDeclarations : public clang::ASTConsumer {
public:
  explicit MainFileDeclarations(const clang::SourceManager &Sources)
      : Sources(Sources) {}

  bool HandleTopLevelDecl(clang::DeclGroupRef Group) override {
    for (clang::Decl *D : Group)
      if (Sources.isWrittenInMainFile(Sources.getExpansionLoc(D->getLocation())))
        Declarations.push_back(D);
    return true;
  }

  void HandleTranslationUnit(clang::ASTContext &Context) override {
    Context.setTraversalScope(Declarations);
  }

private:
  const clang::SourceManager &Sources;
  std::vector<clang::Decl *> Declarations;
};

} // namespace

bool mainFileFindingsOnly(const clang::tidy::ClangTidyOptions &Options) {
  bool HeaderFilter =
      Options.HeaderFilterRegex && !Options.HeaderFilterRegex->empty();
  return !HeaderFilter && !Options.SystemHeaders.value_or(false);
}

std::unique_ptr<clang::ASTConsumer>
matchMainFileOnly(clang::CompilerInstance &Compiler,
                  std::unique_ptr<clang::ASTConsumer> Checks) {
  std::vector<std::unique_ptr<clang::ASTConsumer>> Consumers;
  Consumers.push_back(
      std::make_unique<MainFileDeclarations>(Compiler.getSourceManager()));
  Consumers.push_back(std::move(Checks));
  return std::make_unique<clang::MultiplexConsumer>(std::move(Consumers));
}

} // namespace vtlint
