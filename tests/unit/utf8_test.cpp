// UTF-8 validation: what CPython's decoder accepts, and the first offset of anything else.
#include "analysis/syntax/utf8.h"

#include <doctest/doctest.h>

#include <string>

using namespace perfhint;

namespace {
constexpr size_t kValid = std::string_view::npos;
}  // namespace

TEST_CASE("well-formed UTF-8 is valid") {
  CHECK(firstInvalidUtf8("") == kValid);
  CHECK(firstInvalidUtf8("print('hi')\n") == kValid);
  CHECK(firstInvalidUtf8("\xC2\x80") == kValid);          // U+0080, smallest 2-byte
  CHECK(firstInvalidUtf8("\xDF\xBF") == kValid);          // U+07FF
  CHECK(firstInvalidUtf8("\xE0\xA0\x80") == kValid);      // U+0800, smallest 3-byte
  CHECK(firstInvalidUtf8("\xED\x9F\xBF") == kValid);      // U+D7FF, just below surrogates
  CHECK(firstInvalidUtf8("\xEE\x80\x80") == kValid);      // U+E000, just above them
  CHECK(firstInvalidUtf8("\xEF\xBF\xBF") == kValid);      // U+FFFF
  CHECK(firstInvalidUtf8("\xF0\x90\x80\x80") == kValid);  // U+10000, smallest 4-byte
  CHECK(firstInvalidUtf8("\xF4\x8F\xBF\xBF") == kValid);  // U+10FFFF, the last one
  CHECK(firstInvalidUtf8("\xEF\xBB\xBFx = 'caf\xC3\xA9'") == kValid);  // with a BOM
  CHECK(firstInvalidUtf8(std::string_view("a\0b", 3)) == kValid);      // NUL is UTF-8
}

TEST_CASE("overlong encodings are invalid") {
  CHECK(firstInvalidUtf8("ab\xC0\xAF") == 2);        // '/' in two bytes
  CHECK(firstInvalidUtf8("\xC1\xBF") == 0);          // U+007F in two bytes
  CHECK(firstInvalidUtf8("\xE0\x80\xAF") == 0);      // '/' in three bytes
  CHECK(firstInvalidUtf8("\xE0\x9F\xBF") == 0);      // U+07FF in three bytes
  CHECK(firstInvalidUtf8("\xF0\x80\x80\xAF") == 0);  // '/' in four bytes
  CHECK(firstInvalidUtf8("\xF0\x8F\xBF\xBF") == 0);  // U+FFFF in four bytes
}

TEST_CASE("surrogates are invalid") {
  CHECK(firstInvalidUtf8("x\xED\xA0\x80") == 1);             // U+D800
  CHECK(firstInvalidUtf8("\xED\xBF\xBF") == 0);              // U+DFFF
  CHECK(firstInvalidUtf8("\xED\xA0\xBD\xED\xB8\x80") == 0);  // a CESU-8 pair
}

TEST_CASE("code points past U+10FFFF are invalid") {
  CHECK(firstInvalidUtf8("\xF4\x90\x80\x80") == 0);          // U+110000
  CHECK(firstInvalidUtf8("\xF7\xBF\xBF\xBF") == 0);          // U+1FFFFF
  CHECK(firstInvalidUtf8("\xF8\x88\x80\x80\x80") == 0);      // old 5-byte form
  CHECK(firstInvalidUtf8("\xFC\x84\x80\x80\x80\x80") == 0);  // old 6-byte form
  CHECK(firstInvalidUtf8("ok\xFE") == 2);
  CHECK(firstInvalidUtf8("ok\xFF") == 2);
}

TEST_CASE("truncated sequences and stray continuation bytes are invalid") {
  CHECK(firstInvalidUtf8("abc\xC3") == 3);            // text ends inside a 2-byte sequence
  CHECK(firstInvalidUtf8("\xE2\x82") == 0);           // ... inside a 3-byte sequence
  CHECK(firstInvalidUtf8("\xF0\x9F\x98") == 0);       // ... inside a 4-byte sequence
  CHECK(firstInvalidUtf8("\xE2\x82x") == 0);          // interrupted by ASCII
  CHECK(firstInvalidUtf8("\xC3\xC3\xA9") == 0);       // interrupted by another lead byte
  CHECK(firstInvalidUtf8("a\x80") == 1);              // continuation without a lead
  CHECK(firstInvalidUtf8("\xC3\xA9\xA9") == 2);       // one continuation too many
  CHECK(firstInvalidUtf8("latin-1 caf\xE9!") == 11);  // the usual culprit: Latin-1 text
}
