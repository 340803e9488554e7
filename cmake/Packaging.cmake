# `cmake --install` and `make package` (CPack, one Debian package "vtlint").
#
# Layout under the prefix (/usr in the .deb):
#   bin/vtlint                           the CLI and language server
#   lib/vtlint/libvaluetask-tidy.so      the plugin for clang-tidy-19 --load
#   include/vt/, <libdir>/libvt.a        the runtime
#   <libdir>/cmake/vt/, <libdir>/pkgconfig/vt.pc
#   share/doc/vtlint/                    the documentation (vtlint finds it there)
# Components: runtime (runtime/CMakeLists.txt), tool (vtlint, plugin, docs).

# `make package` builds just what is installed (vtlint, the plugin, vt), not
# the tests and benchmarks that `all` includes, so installing does not
# depend on `all`.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

if(VT_BUILD_TOOLS)
  install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT tool)
  install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT tool)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vtlint)
set(CPACK_PACKAGE_VENDOR "vtlint")
set(CPACK_PACKAGE_CONTACT "vtlint maintainers <vtlint@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "value-task misuse checks for C++ coroutines, the vt runtime and vtlint")
set(CPACK_PACKAGE_DESCRIPTION
  "vtlint catches value-task misuse in C++ coroutine code: valuetask-* checks
as a clang-tidy-19 plugin (/usr/lib/vtlint/libvaluetask-tidy.so), the vtlint
CLI for CI (SARIF, JSON, GitHub annotations, baselines) and editors (vtlint
--lsp), and the vt runtime (headers, libvt.a, CMake package vt::vt, vt.pc).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# The package's file name, known here so that the package test finds it:
# vtlint_<version>_<Debian architecture>.deb in the build directory.
find_program(VT_DPKG NAMES dpkg)
if(VT_DPKG)
  execute_process(COMMAND ${VT_DPKG} --print-architecture
    OUTPUT_VARIABLE VT_DEB_ARCHITECTURE OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${VT_DEB_ARCHITECTURE})
  set(CPACK_DEBIAN_FILE_NAME "vtlint_${PROJECT_VERSION}_${VT_DEB_ARCHITECTURE}.deb")
  set(VT_DEB_PATH "${PROJECT_BINARY_DIR}/${CPACK_DEBIAN_FILE_NAME}")
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Run-time dependencies: dpkg-shlibdeps reads the libraries vtlint links
# (libclang-cpp19, libllvm19, libstdc++, libc). libllvm19 is also named
# here: vtlint's RUNPATH leads dpkg-shlibdeps to /usr/lib/llvm-19/lib, where
# libLLVM.so.19.1 is a link that llvm-19-dev owns, and then it may leave the
# library out (seen on a fresh machine). Besides those, vtlint parses with
# clang's resource headers (stddef.h, ...), which libclang-common-19-dev
# ships; the plugin is only useful inside clang-tidy-19.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(VT_BUILD_TOOLS)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libclang-common-${LLVM_VERSION_MAJOR}-dev, libllvm${LLVM_VERSION_MAJOR}")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${LLVM_VERSION_MAJOR}")
endif()
# The runtime's headers need a C++20 compiler with coroutines.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "clang-19 | g++ (>= 4:12)")
include(CPack)
