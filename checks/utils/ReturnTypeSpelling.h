//===--- ReturnTypeSpelling.h - naming and rewriting a task return type --===//
//
// The checks that advise a different return type (valuetask-always-async,
// valuetask-low-sync-rate: ValueTask<X> -> Task<X>; valuetask-prefer-
// valuetask: Task<X> -> ValueTask<X>) spell the suggestion the way the user
// wrote the type, and offer a fix-it only where rewriting the return type
// is safe.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_RETURNTYPESPELLING_H
#define VTLINT_CHECKS_UTILS_RETURNTYPESPELLING_H

#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>

namespace clang::tidy::valuetask {

/// `Task` out of `::vt::Task`.
StringRef unqualifiedName(StringRef Qualified);

/// The return type as written, when it spells a class template directly
/// (`vt::ValueTask<X>` or `ValueTask<X>`), not through an alias.
std::optional<TemplateSpecializationTypeLoc>
writtenTemplateReturn(const FunctionDecl &Function);

/// `<X>` as the user wrote it in the return type, or printed from the type.
std::string templateArgumentsText(const FunctionDecl &Function,
                                  const ASTContext &Context);

/// The configured type in the namespace of \p Record (`::vt::Task` beside
/// `::vt::ValueTask`, and the other way round), if there is one.
std::optional<StringRef> siblingTypeName(const CXXRecordDecl *Record,
                                         llvm::ArrayRef<std::string> Names);

/// A fix may only touch a function declared once, outside any macro.
bool hasSingleDeclaration(const FunctionDecl &Function);

/// The edit renaming the written return type's template (`ValueTask` in
/// `vt::ValueTask<int>`) to \p NewName, when that is safe: one declaration,
/// not virtual, not from a macro, spelled directly (not through an alias).
std::optional<FixItHint> renameReturnTemplate(const FunctionDecl &Function,
                                              StringRef NewName);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_RETURNTYPESPELLING_H
