//===--- Diagnostics.h - findings -> LSP diagnostics and quick fixes ------===//
//
// One finding becomes one Diagnostic:
//   range            from the finding's position over the identifier there
//                    (clang-tidy reports a point; an editor needs a span to
//                    underline), or one character where no identifier starts
//   severity         2 (Warning), as clang-tidy reports them
//   code             the check name
//   codeDescription  {href: the check's documentation page}
//   source           "vtlint"
//   message          the finding's message
//   relatedInformation  one entry per note (location and message)
// A file that does not compile gets one more, first: clang's first error
// (severity 1, Error) at its place, or, when that is in an included file,
// on the main file's #include that leads there ("in included file: ...",
// the header's place as relatedInformation). An error clang gave no place
// (a command the driver rejects) sits at the start of the file.
// and, when the finding has fix-its, one quick-fix CodeAction whose
// WorkspaceEdit holds every replacement of the fix and whose `diagnostics`
// names the diagnostic it resolves.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_DIAGNOSTICS_H
#define VTLINT_TOOL_LSP_DIAGNOSTICS_H

#include "DocumentStore.h"
#include "Finding.h"
#include "Positions.h"
#include "SourceTexts.h"
#include "llvm/Support/JSON.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vtlint::lsp {

inline constexpr int SeverityError = 1;
inline constexpr int SeverityWarning = 2;
inline constexpr llvm::StringLiteral DiagnosticSource = "vtlint";

/// A published diagnostic and, if its finding has fix-its, its quick fix.
struct DiagnosticWithFix {
  Range Span;
  llvm::json::Value Diagnostic = nullptr;
  std::optional<llvm::json::Value> QuickFix;
  /// The ranges the quick fix edits in this document.
  std::vector<Range> EditSpans;
};

/// The documentation URL of a check.
using DocUrlFunction = std::function<std::string(llvm::StringRef Check)>;

/// The diagnostics for Target among Findings (findings located in other
/// files are not Target's to show), in the order of the findings.
std::vector<DiagnosticWithFix> toDiagnostics(const std::vector<Finding> &Findings,
                                             const Document &Target, SourceTexts &Texts,
                                             const DocUrlFunction &DocUrl);

/// The diagnostic that says why Result (not compiled) did not compile.
DiagnosticWithFix compileErrorDiagnostic(const FileResult &Result, const Document &Target,
                                         SourceTexts &Texts);

/// The title of a quick fix: what its edits do, for the editor's menu.
std::string describeFix(const Finding &F, SourceTexts &Texts);

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_DIAGNOSTICS_H
