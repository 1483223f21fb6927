# The libFuzzer build (PERFHINT_FUZZ): every target, tree-sitter included, runs under
# AddressSanitizer and UndefinedBehaviorSanitizer, and our own code gives the fuzzer coverage
# feedback (fuzz/CMakeLists.txt turns it off for tree-sitter); only the executables under fuzz/
# link libFuzzer's main. Needs clang, so it lives in a build tree of its own (build-fuzz).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "PERFHINT_FUZZ needs clang: configure with "
                      "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
endif()
if(PERFHINT_SANITIZE)
  message(FATAL_ERROR "PERFHINT_FUZZ chooses its own sanitizers; leave PERFHINT_SANITIZE empty")
endif()
# clang 14's -fsanitize=function cannot compile C++20 coroutines (the connection's reader and
# writer): "Cannot represent a difference across sections". The other UB checks stay on.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function
                    -fno-omit-frame-pointer -fno-sanitize-recover=all)
add_link_options(-fsanitize=address,undefined)
