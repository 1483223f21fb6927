# The tree-sitter runtime and the Python grammar, built as static C libraries from the pinned npm
# packages that scripts/bootstrap installs (Debian's libtree-sitter is too old for the API we use).
set(PERFHINT_NODE_MODULES ${CMAKE_SOURCE_DIR}/node_modules)
set(TS_RUNTIME_DIR ${PERFHINT_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib)
set(TS_PYTHON_DIR ${PERFHINT_NODE_MODULES}/tree-sitter-python/src)

if(NOT EXISTS ${TS_RUNTIME_DIR}/src/lib.c OR NOT EXISTS ${TS_PYTHON_DIR}/parser.c)
  message(FATAL_ERROR "tree-sitter sources not found under ${PERFHINT_NODE_MODULES}: run scripts/bootstrap")
endif()

# Third-party C: built without our warning flags, and with optimisation even in Debug builds,
# because parsing speed dominates every test run.
add_library(tree_sitter_runtime STATIC ${TS_RUNTIME_DIR}/src/lib.c)
target_include_directories(tree_sitter_runtime SYSTEM PUBLIC ${TS_RUNTIME_DIR}/include
                                                   PRIVATE ${TS_RUNTIME_DIR}/src)
target_compile_definitions(tree_sitter_runtime PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(tree_sitter_runtime PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)

add_library(tree_sitter_python STATIC ${TS_PYTHON_DIR}/parser.c ${TS_PYTHON_DIR}/scanner.c)
target_include_directories(tree_sitter_python PRIVATE ${TS_PYTHON_DIR})
set_target_properties(tree_sitter_python PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)

foreach(ts_target tree_sitter_runtime tree_sitter_python)
  target_compile_options(${ts_target} PRIVATE -w $<$<CONFIG:Debug>:-O2>)
endforeach()
