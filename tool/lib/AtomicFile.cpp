//===--- AtomicFile.cpp - write a whole file or nothing ------------------===//

#include "AtomicFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace vtlint {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents) {
  auto Fail = [&](const llvm::Twine &What, std::error_code EC) {
    return llvm::createStringError(EC, "cannot write '" + Path + "': " + What +
                                           ": " + EC.message());
  };
  llvm::SmallString<256> Model(Path);
  Model += ".vtlint-%%%%%%.tmp";
  int FD = -1;
  llvm::SmallString<256> TempPath;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, TempPath))
    return Fail("cannot create a temporary file", EC);
  {
    llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
    Out << Contents;
    Out.close();
    if (Out.has_error()) {
      std::error_code EC = Out.error();
      Out.clear_error();
      llvm::sys::fs::remove(TempPath);
      return Fail("write failed", EC);
    }
  }
  llvm::ErrorOr<llvm::sys::fs::perms> Permissions =
      llvm::sys::fs::getPermissions(Path);
  if (Permissions)
    llvm::sys::fs::setPermissions(TempPath, *Permissions);
  if (std::error_code EC = llvm::sys::fs::rename(TempPath, Path)) {
    llvm::sys::fs::remove(TempPath);
    return Fail("rename failed", EC);
  }
  return llvm::Error::success();
}

} // namespace vtlint
