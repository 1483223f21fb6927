// A fast 64-bit hash for cache keys and checksums: file contents, configuration and the cache
// file's payload. Not cryptographic: it guards against change and damage, not against an
// adversary who crafts collisions (the cache lives in the user's own project).
#pragma once

#include <cstdint>
#include <string_view>

namespace perfhint::cli {

/// The hash of `bytes`; stable across runs, builds and machines of the same byte order.
uint64_t contentHash(std::string_view bytes);

/// Folds several values into one hash, each with its length, so that ("ab", "c") and ("a", "bc")
/// differ.
class HashBuilder {
 public:
  HashBuilder& add(std::string_view bytes);
  HashBuilder& add(uint64_t value);
  uint64_t value() const { return state_; }

 private:
  uint64_t state_ = 0x9E3779B97F4A7C15ull;
};

}  // namespace perfhint::cli
