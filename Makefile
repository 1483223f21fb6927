# A thin wrapper over CMake: every target installs what is missing first (scripts/bootstrap).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all bootstrap build demo test test-asan test-fuzz test-tsan bench clean docs format

all: build

bootstrap:
	./scripts/bootstrap

$(BUILD_DIR)/CMakeCache.txt: | bootstrap
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: bootstrap $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Findings (exit status 1) are the point of the demo; only errors (2) fail it.
demo: build
	@$(BUILD_DIR)/perfhint check examples/ || [ $$? -eq 1 ]

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-fuzz

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build tree.
test-asan: bootstrap
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERFHINT_SANITIZE=address,undefined
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# Short libFuzzer runs (fuzz/): each target replays its corpus and tries a fixed number of
# mutations, in a clang build tree of its own. scripts/fuzz runs them for longer.
test-fuzz: bootstrap
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERFHINT_FUZZ=ON \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
	cmake --build build-fuzz -j $(JOBS) --target perfhint_fuzzers
	cd build-fuzz && ctest --output-on-failure -j $(JOBS)

# The language server's unit tests and the LSP transcripts under ThreadSanitizer. The servers the
# transcripts start write their reports to files, so a race in any of them fails the run too.
# lsp.faults is left out: its 50 MB message and 10,000 requests take too long under TSan.
TSAN_REPORTS = $(CURDIR)/build-tsan/tsan-reports
test-tsan: bootstrap
	cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERFHINT_SANITIZE=thread
	cmake --build build-tsan -j $(JOBS) --target perfhint perfhint_unit_tests
	rm -rf $(TSAN_REPORTS) && mkdir -p $(TSAN_REPORTS)
	cd build-tsan && tests/perfhint_unit_tests \
	  --source-file='*language_server_test.cpp,*action_edits_test.cpp,*convert_test.cpp'
	cd build-tsan && TSAN_OPTIONS=log_path=$(TSAN_REPORTS)/race \
	  ctest --output-on-failure -j $(JOBS) -R '^lsp\.' -E '^lsp\.faults$$' || { cat $(TSAN_REPORTS)/* 2>/dev/null; exit 1; }
	@if [ -n "$$(ls -A $(TSAN_REPORTS))" ]; then cat $(TSAN_REPORTS)/*; exit 1; fi

bench: build
	$(BUILD_DIR)/perfhint-bench
	$(BUILD_DIR)/perfhint-grammar-bench
	$(BUILD_DIR)/perfhint-cache-bench --perfhint $(BUILD_DIR)/perfhint
	$(BUILD_DIR)/perfhint-lsp-bench --perfhint $(BUILD_DIR)/perfhint

docs: build
	./scripts/update-docs $(BUILD_DIR)/perfhint

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
