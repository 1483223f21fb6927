// contentHash is XXH64 with seed 0: the vectors below are the reference implementation's.
#include "server/cli/content_hash.h"

#include <doctest/doctest.h>

#include <string>

using perfhint::cli::contentHash;
using perfhint::cli::HashBuilder;

TEST_CASE("contentHash gives XXH64's values for short and long inputs") {
  CHECK(contentHash("") == 0xEF46DB3751D8E999ull);
  CHECK(contentHash("abc") == 0x44BC2CF5AD770999ull);
  // 39 bytes: one 32-byte stripe, then a 4-byte word and three single bytes.
  CHECK(contentHash("Nobody inspects the spammish repetition") == 0xFBCEA83C8A378BF1ull);
}

TEST_CASE("contentHash sees a change of one byte anywhere") {
  std::string text(1000, 'x');
  uint64_t original = contentHash(text);
  for (size_t at : {size_t{0}, size_t{31}, size_t{32}, size_t{500}, size_t{996}, size_t{999}}) {
    std::string changed = text;
    changed[at] = 'y';
    CHECK(contentHash(changed) != original);
  }
}

TEST_CASE("HashBuilder keeps the boundaries between values") {
  CHECK(HashBuilder().add("ab").add("c").value() != HashBuilder().add("a").add("bc").value());
  CHECK(HashBuilder().add("ab").value() == HashBuilder().add("ab").value());
  CHECK(HashBuilder().add(uint64_t{1}).value() != HashBuilder().add(uint64_t{2}).value());
}
