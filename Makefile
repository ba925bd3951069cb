# USL: the two commands of the README, and a few helpers.
#   make demo   install what is missing, build, run the bundled examples
#   make check  install what is missing, build, run the whole test suite
#
# Both are idempotent. The build lives in build/, the tools in build/bin/.

BUILD        ?= build
BUILD_ASAN   ?= build-asan
BUILD_TSAN   ?= build-tsan
BUILD_FUZZ   ?= build-fuzz
CMAKE_FLAGS  ?= -DCMAKE_BUILD_TYPE=Release
COMPILERS    := -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22

.PHONY: all setup build demo check check-sanitize check-valgrind fuzz fuzz-schedules bench docs clean

all: build

setup:
	@scripts/setup.sh

$(BUILD)/build.ninja: | setup
	cmake -G Ninja -S . -B $(BUILD) $(COMPILERS) $(CMAKE_FLAGS)

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD)

demo: build
	@scripts/demo.sh $(BUILD)/bin

check: build
	cmake --build $(BUILD) --target check-usl

# The reference docs, generated into build/docs/ (dialects from the .td
# files, passes from the pass table).
docs: build
	cmake --build $(BUILD) --target usl-docs
	@echo "docs in $(BUILD)/docs: passes.md, dialects/*.md; guides in docs/"

# The suite again on a build instrumented with ASan and UBSan, and the
# concurrency test on one instrumented with ThreadSanitizer.
$(BUILD_ASAN)/build.ninja: | setup
	cmake -G Ninja -S . -B $(BUILD_ASAN) $(COMPILERS) $(CMAKE_FLAGS) -DUSL_SANITIZE=ON

check-sanitize: setup $(BUILD_ASAN)/build.ninja $(BUILD_TSAN)/build.ninja
	cmake --build $(BUILD_ASAN) --target check-usl
	cmake --build $(BUILD_TSAN) --target usl-capi-concurrency
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
	  $(BUILD_TSAN)/bin/usl-capi-concurrency $(CURDIR)

# Passes on two threads at once (test/capi/concurrency.c) under
# ThreadSanitizer; only that test: libMLIR.so is not instrumented, so
# ThreadSanitizer sees USL's own memory accesses and MLIR's locks.
$(BUILD_TSAN)/build.ninja: | setup
	cmake -G Ninja -S . -B $(BUILD_TSAN) $(COMPILERS) $(CMAKE_FLAGS) -DUSL_TSAN=ON

# usl-opt under valgrind on the examples, through their schedules and the
# whole lowering.
check-valgrind: build
	@scripts/valgrind-examples.sh $(BUILD)/bin

# The libFuzzer targets of fuzz/ (ASan + UBSan + coverage build), RUNS
# executions each (or FUZZ_SECONDS), recorded in docs/fuzzing.md.
RUNS    ?= 1000000
FUZZ_SECONDS ?= 3600
TARGETS ?= parse,passes,options,library
$(BUILD_FUZZ)/build.ninja: | setup
	cmake -G Ninja -S . -B $(BUILD_FUZZ) $(COMPILERS) $(CMAKE_FLAGS) -DUSL_FUZZ=ON

fuzz: setup $(BUILD_FUZZ)/build.ninja
	cmake --build $(BUILD_FUZZ) --target usl-fuzz-parse usl-fuzz-passes usl-fuzz-options usl-fuzz-library
	@python3 scripts/fuzz.py $(BUILD_FUZZ) --runs=$(RUNS) --seconds=$(FUZZ_SECONDS) --targets=$(TARGETS)

# Random schedules of every kernel family, N per family (default 1000), with
# a seed that changes each run unless SEED is given, JOBS processes at once.
N    ?= 1000
SEED ?= $(shell date +%s)
JOBS ?= $(shell nproc)
fuzz-schedules: build
	@scripts/fuzz-schedules.sh $(BUILD)/bin $(N) $(SEED) $(JOBS)

# Benchmarks against peers (OpenBLAS, Halide 14), written to bench/results.md.
BENCH_PACKAGES = libopenblas-dev libhalide14-0-dev
bench: build
	@for p in $(BENCH_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || \
	  { [ "$$(id -u)" -eq 0 ] && apt-get install -y -q $$p; } || \
	  { echo "make bench needs $$p: apt-get install $$p"; exit 1; }; \
	done
	@bench/run.sh $(BUILD)/bin

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_TSAN) $(BUILD_FUZZ)
