"""The LLVM tools a build was configured with (issue 12: no fixed
/usr/lib/llvm-19 paths). The benchmarks run the clang, clang-tidy and clangd
of the LLVM that CMake found, read from the build's CMakeCache.txt."""
import os
import shutil


def cmake_cache(build):
    """The build's cache entries, {name: value}; empty when there is none."""
    entries = {}
    try:
        with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as cache:
            for line in cache:
                name, sep, value = line.rstrip("\n").partition("=")
                if sep and not line.startswith(("#", "//")):
                    entries[name.split(":", 1)[0]] = value
    except OSError:
        pass
    return entries


def llvm_tool(build, name, fallback):
    """NAME from the bin directory of the build's LLVM (LLVM_DIR is
    PREFIX/lib/cmake/llvm), else FALLBACK looked up on PATH."""
    llvm_dir = cmake_cache(build).get("LLVM_DIR") if build else None
    if llvm_dir:
        candidate = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(llvm_dir))),
                                 "bin", name)
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which(fallback) or fallback


def cxx_compiler(build, fallback):
    """The C++ compiler the build uses."""
    return cmake_cache(build).get("CMAKE_CXX_COMPILER") or shutil.which(fallback) or fallback
