//===--- MainFileScope.h - match only the main file's own declarations ---===//
//
// clang-tidy's matchers walk the whole translation unit, every standard
// header included, though with no HeaderFilterRegex a finding outside the
// main file is dropped anyway. Measured on the lint benchmark (bench/lint),
// that walk was the largest part of what vtlint costs over the parse. So,
// as clangd does for its clang-tidy checks, vtlint narrows the AST's
// traversal scope to the main file's top-level declarations when no header
// finding can be reported; with a HeaderFilterRegex or SystemHeaders the
// whole translation unit is matched as before.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_MAINFILESCOPE_H
#define VTLINT_TOOL_MAINFILESCOPE_H

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include <memory>

namespace vtlint {

/// True when \p Options report findings in the main file only.
bool mainFileFindingsOnly(const clang::tidy::ClangTidyOptions &Options);

/// \p Checks, run over the main file's own top-level declarations only.
std::unique_ptr<clang::ASTConsumer>
matchMainFileOnly(clang::CompilerInstance &Compiler,
                  std::unique_ptr<clang::ASTConsumer> Checks);

} // namespace vtlint

#endif // VTLINT_TOOL_MAINFILESCOPE_H
