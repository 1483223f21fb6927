# A thin wrapper over CMake: every target installs what is missing first (scripts/bootstrap).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all bootstrap build demo test test-asan bench clean docs format

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

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build tree.
test-asan: bootstrap
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERFHINT_SANITIZE=address,undefined
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD_DIR)/perfhint-bench
	$(BUILD_DIR)/perfhint-grammar-bench
	$(BUILD_DIR)/perfhint-lsp-bench --perfhint $(BUILD_DIR)/perfhint

docs: build
	./scripts/update-docs $(BUILD_DIR)/perfhint

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
