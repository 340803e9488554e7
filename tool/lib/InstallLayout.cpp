//===--- InstallLayout.cpp - what vtlint finds beside its own executable -===//

#include "InstallLayout.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <optional>

namespace vtlint {
namespace {

/// <prefix>/Relative when it is a directory of an installation this
/// executable belongs to, else "".
std::string installedDirectory(llvm::StringRef Relative) {
  // getMainExecutable reads /proc/self/exe; the address only serves systems
  // without it.
  std::string Executable = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&resolveDocumentationUri));
  if (Executable.empty())
    return "";
  llvm::SmallString<256> Candidate(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Executable)));
  llvm::sys::path::append(Candidate, Relative);
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Candidate, Real) ||
      !llvm::sys::fs::is_directory(Real))
    return "";
  return std::string(Real);
}

} // namespace

std::string resolveDocumentationUri() {
  if (std::optional<std::string> FromEnvironment =
          llvm::sys::Process::GetEnv("VTLINT_DOCS_URI");
      FromEnvironment && !FromEnvironment->empty())
    return llvm::StringRef(*FromEnvironment).rtrim('/').str();
  if (!llvm::StringRef(VTLINT_DOCS_URI).empty())
    return llvm::StringRef(VTLINT_DOCS_URI).rtrim('/').str();
  // The installed docs count only with their check pages, which helpUri
  // links to; a bare share/doc/vtlint (changelog only) does not.
  std::string Installed = installedDirectory(VTLINT_INSTALL_DOCDIR);
  if (!Installed.empty() && llvm::sys::fs::is_directory(Installed + "/checks"))
    return "file://" + Installed;
  return "file://" VTLINT_SOURCE_DOCS_DIR;
}

std::string resolveRuntimeIncludeDirectory() {
  std::string Installed = installedDirectory(VTLINT_INSTALL_INCLUDEDIR);
  if (!Installed.empty() && llvm::sys::fs::exists(Installed + "/vt/vt.hpp"))
    return Installed;
  if (llvm::sys::fs::is_directory(VTLINT_RUNTIME_INCLUDE_DIR))
    return VTLINT_RUNTIME_INCLUDE_DIR;
  return "";
}

} // namespace vtlint
