// Where the incremental benchmarks edit: inside identifiers in the middle of a file, as a person
// renaming or typing would.
#pragma once

#include <tree_sitter/api.h>  // TSNode

#include <cstdint>
#include <vector>

namespace perfhint::bench {

/// Start offsets of every `identifier` node, in text order. Works with any Python grammar.
std::vector<uint32_t> identifierStarts(TSNode root);

/// Up to `count` offsets, evenly spread over the middle half of `starts`, each one byte into
/// its identifier (so inserting a letter there keeps it one identifier).
std::vector<uint32_t> editOffsetsMidFile(const std::vector<uint32_t>& starts, size_t count);

}  // namespace perfhint::bench
