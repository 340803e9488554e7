# Finds LLVM and Clang 19 and the LLVM tools the tests use.
#
# Any LLVM 19 installation works: point LLVM_DIR (and, if it is elsewhere,
# Clang_DIR) at its CMake packages, or LLVM_ROOT at its prefix; without either,
# Debian's /usr/lib/llvm-19 is the default. Everything else (the clang-tidy
# libraries, the resource directory, lit, FileCheck, clang-tidy) is then
# taken from the LLVM that was found, never from a fixed path.
#
# LLVMConfigVersion.cmake accepts only an exact major.minor, so the major
# version is checked after the search instead of being requested.
set(VT_LLVM_MAJOR 19)
set(VT_DEFAULT_LLVM_PREFIX /usr/lib/llvm-${VT_LLVM_MAJOR})

# Another major version's LLVMConfig.cmake can fail in its own way before
# the check below (LLVM 14's wants the C language): read a given LLVM_DIR's
# version first.
if(LLVM_DIR AND EXISTS "${LLVM_DIR}/LLVMConfigVersion.cmake")
  file(STRINGS "${LLVM_DIR}/LLVMConfigVersion.cmake" vt_llvm_version_line
    REGEX "^set\\(PACKAGE_VERSION ")
  if(vt_llvm_version_line MATCHES "\"([0-9]+)\\.([0-9.]+)\"" AND NOT CMAKE_MATCH_1 EQUAL VT_LLVM_MAJOR)
    message(FATAL_ERROR "vtlint needs LLVM/Clang ${VT_LLVM_MAJOR}, but LLVM_DIR (${LLVM_DIR}) "
      "is LLVM ${CMAKE_MATCH_1}.${CMAKE_MATCH_2}")
  endif()
endif()

if(VT_BUILD_TOOLS)
  find_package(LLVM REQUIRED CONFIG HINTS ${VT_DEFAULT_LLVM_PREFIX}/lib/cmake/llvm)
  # Clang from the same installation as LLVM (Clang_DIR or Clang_ROOT win).
  find_package(Clang REQUIRED CONFIG
    HINTS ${LLVM_DIR}/../clang ${LLVM_INSTALL_PREFIX}/lib${LLVM_LIBDIR_SUFFIX}/cmake/clang)
else()
  # Runtime-only test builds need just lit and FileCheck from an LLVM.
  find_package(LLVM QUIET CONFIG HINTS ${VT_DEFAULT_LLVM_PREFIX}/lib/cmake/llvm)
endif()
if(LLVM_FOUND AND NOT LLVM_VERSION_MAJOR EQUAL VT_LLVM_MAJOR)
  message(FATAL_ERROR "vtlint needs LLVM/Clang ${VT_LLVM_MAJOR}, found ${LLVM_PACKAGE_VERSION} "
    "in ${LLVM_DIR}; set LLVM_DIR or LLVM_ROOT to an LLVM ${VT_LLVM_MAJOR}")
endif()
if(LLVM_FOUND)
  message(STATUS "vtlint: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")
endif()

if(VT_BUILD_TESTS)
  # An installed LLVM has no llvm-lit; Debian ships lit under build/utils/lit,
  # a build tree has llvm-lit in its bin/, pip's lit is a `lit` on PATH.
  find_program(VT_LIT NAMES llvm-lit lit.py lit
    HINTS ${LLVM_TOOLS_BINARY_DIR} ${LLVM_BINARY_DIR}/build/utils/lit
          ${LLVM_BUILD_MAIN_SRC_DIR}/utils/lit)
  find_program(VT_FILECHECK NAMES FileCheck HINTS ${LLVM_TOOLS_BINARY_DIR})
  if(NOT VT_LIT OR NOT VT_FILECHECK)
    message(FATAL_ERROR "The tests need lit and FileCheck of LLVM ${VT_LLVM_MAJOR} "
      "(Debian: llvm-${VT_LLVM_MAJOR}-tools); set LLVM_DIR, or VT_BUILD_TESTS=OFF")
  endif()
  get_filename_component(VT_LLVM_TOOLS_DIR ${VT_FILECHECK} DIRECTORY)
  if(VT_BUILD_TOOLS)
    find_program(VT_CLANG_TIDY NAMES clang-tidy HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
    if(NOT VT_CLANG_TIDY)
      message(FATAL_ERROR "No clang-tidy in ${LLVM_TOOLS_BINARY_DIR}, the LLVM the plugin is built for")
    endif()
  endif()
endif()
