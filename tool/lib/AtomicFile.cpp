//===--- AtomicFile.cpp - write a whole file or nothing ------------------===//

#include "AtomicFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace vtlint {
namespace {

llvm::Error failure(llvm::StringRef Path, const llvm::Twine &What, std::error_code EC) {
  return llvm::createStringError(EC, "cannot write '" + Path + "': " + What +
                                         ": " + EC.message());
}

/// Devices, pipes and directories (/dev/stdout, /dev/full, a FIFO) are
/// opened and written in place: renaming a file over them would replace
/// the device itself, and a write error (ENOSPC) must still be reported.
llvm::Error writeInPlace(llvm::StringRef Path, llvm::StringRef Contents) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC, llvm::sys::fs::OF_None);
  if (EC)
    return failure(Path, "cannot open it", EC);
  Out << Contents;
  Out.close();
  if (Out.has_error()) {
    EC = Out.error();
    Out.clear_error();
    return failure(Path, "write failed", EC);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error writeFileAtomically(llvm::StringRef LinkOrPath, llvm::StringRef Contents) {
  // A symbolic link keeps pointing where it did: its target is replaced.
  llvm::SmallString<256> Path(LinkOrPath);
  if (llvm::sys::fs::is_symlink_file(LinkOrPath))
    if (std::error_code EC = llvm::sys::fs::real_path(LinkOrPath, Path))
      return failure(LinkOrPath, "cannot resolve the link", EC);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status) && llvm::sys::fs::exists(Status) &&
      Status.type() != llvm::sys::fs::file_type::regular_file)
    return writeInPlace(Path, Contents);

  auto Fail = [&](const llvm::Twine &What, std::error_code EC) {
    return failure(Path, What, EC);
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
