# vtlint: `make demo` and `make test` do every set-up step themselves.
BUILD      ?= build
BUILD_GCC  ?= build-gcc
BUILD_TSAN ?= build-tsan
BUILD_ASAN ?= build-asan
BUILD_BENCH ?= build-bench
BUILD_FUZZ ?= build-fuzz
BUILD_TOOL ?= build-tool
FUZZ_SECONDS ?= 60
SOAK_SECONDS ?= 120
JOBS       ?= $(shell nproc)
# The compiler, and any other LLVM 19 than Debian's: for example
# `make CXX_CLANG=/opt/llvm-19/bin/clang++ CMAKE_ARGS=-DLLVM_DIR=/opt/llvm-19/lib/cmake/llvm`.
CXX_CLANG  ?= clang++-19
CMAKE_ARGS ?=
# Each build's lit is the one CMake found with its LLVM (BUILD/test/lit).
LIT_FLAGS  ?= -sv
CMAKE_GEN  := -G Ninja $(CMAKE_ARGS)

.PHONY: bench test-bench
.PHONY: tool deps-tool package
.PHONY: all deps build build-gcc build-tsan build-asan build-fuzz test test-unit test-lit test-gcc test-tsan \
        test-asan test-asan-tool test-fuzz-corpus fuzz soak demo clean

all: build

deps:
	@bash scripts/install-deps.sh
	@bash scripts/install-sarif-validator.sh

$(BUILD)/build.ninja: | deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=$(CXX_CLANG) >/dev/null

build: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)

# The Debian package of the build (docs/install.md): vtlint, the plugin, the
# runtime and the docs, stripped; BUILD/vtlint_<version>_<arch>.deb. Builds
# only what it installs.
package: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS) --target vtlint valuetask-tidy vt
	@cd $(BUILD) && { cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }; } && grep -o '/.*\.deb' cpack.log

# Only vtlint and the plugin, with only their own dependencies (no oneTBB,
# GoogleTest, Neovim, benchmarks or tests): what a CI job in another
# repository builds. vtlint lands in BUILD_TOOL/bin, the plugin in BUILD_TOOL/lib.
deps-tool:
	@bash scripts/install-deps.sh --tool

$(BUILD_TOOL)/build.ninja: | deps-tool
	@cmake -S . -B $(BUILD_TOOL) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_COMPILER=$(CXX_CLANG) -DVT_BUILD_TESTS=OFF -DVT_BUILD_BENCHMARKS=OFF \
	  -DVT_BUILD_EXAMPLES=OFF >/dev/null

tool: deps-tool $(BUILD_TOOL)/build.ninja
	@cmake --build $(BUILD_TOOL) -j $(JOBS) --target vtlint valuetask-tidy

$(BUILD_GCC)/build.ninja: | deps
	@cmake -S . -B $(BUILD_GCC) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=g++-12 -DVT_RUNTIME_ONLY=ON >/dev/null

build-gcc: deps $(BUILD_GCC)/build.ninja
	@cmake --build $(BUILD_GCC) -j $(JOBS)

$(BUILD_TSAN)/build.ninja: | deps
	@cmake -S . -B $(BUILD_TSAN) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=$(CXX_CLANG) -DVT_RUNTIME_ONLY=ON -DVT_SANITIZE=thread >/dev/null

build-tsan: deps $(BUILD_TSAN)/build.ninja
	@cmake --build $(BUILD_TSAN) -j $(JOBS)

$(BUILD_ASAN)/build.ninja: | deps
	@cmake -S . -B $(BUILD_ASAN) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=$(CXX_CLANG) -DVT_RUNTIME_ONLY=ON -DVT_SANITIZE=address >/dev/null

build-asan: deps $(BUILD_ASAN)/build.ninja
	@cmake --build $(BUILD_ASAN) -j $(JOBS)

# The full build (checks, vtlint) with ASan+UBSan, plus the libFuzzer targets.
$(BUILD_FUZZ)/build.ninja: | deps
	@cmake -S . -B $(BUILD_FUZZ) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=$(CXX_CLANG) -DVT_SANITIZE=address -DVT_FUZZ=ON >/dev/null

# Only what its tests use: the unit tests run in the other builds.
build-fuzz: deps $(BUILD_FUZZ)/build.ninja
	@cmake --build $(BUILD_FUZZ) -j $(JOBS) --target vtlint valuetask-tidy vt fuzzers

# Runs a build's GoogleTest binaries; $(1) is the build directory.
define run_unit_tests
	@set -e; for t in $(1)/unit/*_test; do \
	  [ -x "$$t" ] || continue; echo "== $$t"; timeout 300 "$$t" --gtest_brief=1; done
endef

test-unit: build
	$(call run_unit_tests,$(BUILD))

# The package test (test/package) unpacks the build's .deb: package first.
test-lit: build package
	@$(BUILD)/test/lit $(LIT_FLAGS) $(BUILD)/test

test-gcc: build-gcc
	$(call run_unit_tests,$(BUILD_GCC))
	@$(BUILD_GCC)/test/lit $(LIT_FLAGS) --filter='runtime/' $(BUILD_GCC)/test

test-tsan: build-tsan
	$(call run_unit_tests,$(BUILD_TSAN))
	@$(BUILD_TSAN)/test/lit $(LIT_FLAGS) --filter='runtime/' $(BUILD_TSAN)/test
	@bash scripts/soak.sh 10 $(BUILD_TSAN)

# ASan+UBSan with leak detection: the runtime's tests, stress tests and soak.
test-asan: build-asan
	$(call run_unit_tests,$(BUILD_ASAN))
	@$(BUILD_ASAN)/test/lit $(LIT_FLAGS) --filter='runtime/' $(BUILD_ASAN)/test
	@bash scripts/soak.sh 10 $(BUILD_ASAN)

# The checks' and vtlint's lit tests against the ASan+UBSan full build.
# Leak detection off: LSan reports allocations inside the uninstrumented
# libLLVM that it cannot attribute (docs/reliability.md).
test-asan-tool: build-fuzz
	@ASAN_OPTIONS=detect_leaks=0 $(BUILD_FUZZ)/test/lit $(LIT_FLAGS) --filter='checks/|tool/' $(BUILD_FUZZ)/test

# Every fuzz target replays its checked-in corpus (crashes found included).
test-fuzz-corpus: build-fuzz
	@bash scripts/fuzz.sh replay $(BUILD_FUZZ)

fuzz: build-fuzz
	@bash scripts/fuzz.sh run $(BUILD_FUZZ) $(FUZZ_SECONDS)

soak: build-tsan build-asan
	@bash scripts/soak.sh $(SOAK_SECONDS) $(BUILD_TSAN) $(BUILD_ASAN)

test: test-unit test-lit test-gcc test-tsan test-asan test-asan-tool test-fuzz-corpus test-bench

# Benchmarks (issue 5): an optimised build of its own, every benchmark run
# (runtime ones as the median of 5 interleaved repetitions), the table
# printed and docs/benchmarks.md (with charts) written.
$(BUILD_BENCH)/build.ninja: | deps
	@cmake -S . -B $(BUILD_BENCH) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_CXX_COMPILER=$(CXX_CLANG) >/dev/null

bench: deps $(BUILD_BENCH)/build.ninja
	@cmake --build $(BUILD_BENCH) -j $(JOBS)
	@bash scripts/bench.sh $(BUILD_BENCH)

# Every benchmark once in smoke mode (tiny sizes, one iteration; no timing is
# asserted), so none of them rots.
test-bench: build
	@bash scripts/bench.sh $(BUILD) --smoke

demo: build
	@bash scripts/demo.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_GCC) $(BUILD_TSAN) $(BUILD_ASAN) $(BUILD_FUZZ) $(BUILD_TOOL)
