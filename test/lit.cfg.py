# lit configuration for vtlint: runtime programs, clang-tidy checks, the tool.
import os
import shutil

import lit.formats

config.name = "vtlint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "lit-tools", "unit", "fuzz", "soak", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.vt_binary_root, "test")

src = config.vt_source_root
build = config.vt_binary_root
tools = config.llvm_tools_dir

config.environment["PATH"] = os.pathsep.join([tools, os.path.join(build, "bin"), config.environment.get("PATH", "")])
for var in ("HOME", "TMPDIR", "TERM", "LANG", "ASAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

# %cxx compiles and links a program against the runtime, with the same compiler
# and sanitizers as the build: `%cxx %s -o %t && %t | FileCheck %s`.
runtime_include = os.path.join(src, "runtime", "include")
runtime_lib = os.path.join(build, "lib", "libvt.a")
cxx_flags = f"-std=c++20 -O1 -g -Wall -Wextra -pthread {config.vt_sanitizer_flags} -I{runtime_include}"
config.substitutions.append(("%cxx", f"{config.vt_cxx} {cxx_flags}"))
config.substitutions.append(("%vtlib", runtime_lib))
config.substitutions.append(("%runtime_include", runtime_include))
config.substitutions.append(("%python", shutil.which("python3") or "python3"))


def asan_wrapper(program):
    """In an ASan build the plugin needs the ASan runtime inside the
    uninstrumented clang-tidy that loads it: a script beside the build's
    tests runs `program` with the runtime preloaded (leak detection off:
    clang-tidy's own allocations are not ours to judge). The runtime is the
    build compiler's own (test/CMakeLists.txt asks it)."""
    runtime = config.vt_sanitizer_runtime
    wrapper = os.path.join(config.test_exec_root, "asan-" + os.path.basename(program))
    os.makedirs(config.test_exec_root, exist_ok=True)
    with open(wrapper, "w", encoding="utf-8") as script:
        script.write("#!/bin/sh\n"
                     f"LD_PRELOAD={runtime} ASAN_OPTIONS=detect_leaks=0${{ASAN_OPTIONS:+:$ASAN_OPTIONS}} "
                     f"exec {program} \"$@\"\n")
    os.chmod(wrapper, 0o755)
    return wrapper


def plugin_host(program):
    return asan_wrapper(program) if "address" in config.vt_sanitizer_flags else program


if config.vt_have_checks:
    config.available_features.add("checks")
    plugin = os.path.join(build, "lib", "libvaluetask-tidy.so")
    clang_tidy = plugin_host(config.vt_clang_tidy)
    config.substitutions.append(("%plugin", plugin))
    config.substitutions.append(("%clang_tidy", clang_tidy))
    runner = os.path.join(src, "test", "lit-tools", "check_clang_tidy.py")
    config.substitutions.append(
        ("%check_clang_tidy", f"python3 {runner} --clang-tidy {clang_tidy} "
                              f"--plugin {plugin} --include {runtime_include} --filecheck {os.path.join(tools, 'FileCheck')}"))
    # The plugin's version guard is shown by loading it into another
    # clang-tidy (%other_clang_tidy: no prefix clash with %clang_tidy).
    other_clang_tidy = shutil.which("clang-tidy-14")
    if other_clang_tidy:
        config.available_features.add("clang-tidy-14")
        config.substitutions.append(("%other_clang_tidy", plugin_host(other_clang_tidy)))
    vtlint = os.path.join(build, "bin", "vtlint")
    if os.path.exists(vtlint):
        config.available_features.add("vtlint")
        config.substitutions.append(("%vtlint", vtlint))

# Consumers of the runtime (test/consumers): an installed copy, pkg-config,
# add_subdirectory and FetchContent, each built with Ninja and the build's
# compiler. Not in sanitizer builds, whose libvt.a needs the sanitizer flags.
config.substitutions.append(("%cmake", config.vt_cmake))
config.substitutions.append(("%ninja", config.vt_ninja))
config.substitutions.append(("%pkg_config", config.vt_pkg_config))
config.substitutions.append(("%vt_source", src))
config.substitutions.append(("%vt_build", build))
config.substitutions.append(("%vt_libdir", config.vt_install_libdir))
config.substitutions.append(("%compiler", config.vt_cxx))
if not config.vt_sanitizer_flags.strip() and config.vt_ninja and config.vt_pkg_config:
    config.available_features.add("consumers")

# The Debian package of this build (`make package`, which `make test` runs
# before the lit suites): test/package unpacks and runs it.
if config.vt_deb and os.path.exists(config.vt_deb) and config.vt_have_checks:
    config.available_features.add("deb")
    config.substitutions.append(("%deb", config.vt_deb))

# Neovim, for the end-to-end language server test (test/tool/lsp-neovim.test).
if shutil.which("nvim"):
    config.available_features.add("nvim")

# Microsoft's SARIF validator, installed by scripts/install-sarif-validator.sh
# (make deps): %sarif_validate FILE passes only with zero errors and warnings.
sarif_multitool = os.path.join(src, "build-tools", "sarif", "node_modules", "@microsoft",
                               "sarif-multitool-linux", "Sarif.Multitool")
if os.access(sarif_multitool, os.X_OK):
    config.available_features.add("sarif-validator")
    validate = os.path.join(src, "test", "lit-tools", "sarif_validate.py")
    config.substitutions.append(("%sarif_validate", f"python3 {validate} {sarif_multitool}"))
    config.substitutions.append(("%sarif_multitool", sarif_multitool))
