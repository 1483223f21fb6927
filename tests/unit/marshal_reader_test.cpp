// The marshal subset profiles use, including back-references, and its refusals with offsets.
#include "profile/marshal_reader.h"

#include "profile/profile_error.h"

#include <doctest/doctest.h>

#include <string>

using namespace perfhint::profile;
using namespace std::string_literals;

namespace {

// The byte offset readMarshal refuses `bytes` at, and its message.
std::pair<uint64_t, std::string> refusal(const std::string& bytes) {
  try {
    readMarshal(bytes);
  } catch (const ProfileParseError& error) {
    CHECK(error.position == ProfileError::Position::Byte);
    return {error.at, error.what()};
  }
  FAIL("accepted");
  return {};
}

}  // namespace

TEST_CASE("reads what marshal.dumps writes, back-references shared") {
  // marshal.dumps({('/a/b.py', 3, 'f'): (1, 2, 0.5, 1.0, {}), ('/a/b.py', 9, 'g'): None}) with
  // the string and the int 1 referenced again.
  std::string bytes =
      "\xfb\xa9\x03\xfa\x07/a/b.py\xe9\x03\x00\x00\x00\xda\x01"
      "f)\x05\xe9\x01\x00\x00\x00"
      "\xe9\x02\x00\x00\x00\xe7\x00\x00\x00\x00\x00\x00\xe0?\xe7\x00\x00\x00\x00\x00\x00\xf0?"
      "{0)\x03r\x02\x00\x00\x00\xe9\x09\x00\x00\x00\xda\x01gN0"s;
  MarshalDocument document = readMarshal(bytes);
  const MarshalValue& root = document[document.root];
  REQUIRE(root.kind == MarshalValue::Kind::Dict);
  REQUIRE(root.items.size() == 4);
  const MarshalValue& firstKey = document[root.items[0]];
  REQUIRE(firstKey.items.size() == 3);
  CHECK(document[firstKey.items[0]].text == "/a/b.py");
  CHECK(document[firstKey.items[1]].integer == 3);
  const MarshalValue& secondKey = document[root.items[2]];
  CHECK(secondKey.items[0] == firstKey.items[0]);  // the reference shares the string
  CHECK(document[secondKey.items[2]].text == "g");
  const MarshalValue& figures = document[root.items[1]];
  CHECK(document[figures.items[2]].number == 0.5);
  CHECK(document[figures.items[3]].number == 1.0);
  CHECK(document[root.items[3]].kind == MarshalValue::Kind::None);
}

TEST_CASE("long integers, text floats, lists, sets, booleans") {
  // marshal.dumps(2**40): 'l' with three 15-bit digits.
  MarshalDocument big = readMarshal("l\x03\x00\x00\x00\x00\x00\x00\x00\x00\x04"s);
  CHECK(big[big.root].integer == (int64_t{1} << 40));
  MarshalDocument negative = readMarshal("l\xfe\xff\xff\xff\x01\x00\x01\x00"s);
  CHECK(negative[negative.root].integer == -(1 + (1 << 15)));
  MarshalDocument text = readMarshal(
      "f\x04"
      "0.25"s);
  CHECK(text[text.root].number == 0.25);
  MarshalDocument list = readMarshal("[\x02\x00\x00\x00TF"s);
  CHECK(list[list.root].items.size() == 2);
  CHECK(list[list[list.root].items[0]].integer == 1);
  MarshalDocument set = readMarshal("<\x01\x00\x00\x00N"s);
  CHECK(set[set.root].kind == MarshalValue::Kind::Set);
}

TEST_CASE("truncated input is refused where it ends") {
  std::string whole =
      "{)\x03z\x01"
      "ai\x01\x00\x00\x00z\x01"
      "bg\x00\x00\x00\x00\x00\x00\xe0?0"s;
  CHECK_NOTHROW(readMarshal(whole));
  for (size_t cut : {size_t{1}, size_t{2}, size_t{4}, size_t{6}, size_t{9}, size_t{12}, size_t{17},
                     whole.size() - 1}) {
    CAPTURE(cut);
    auto [at, message] = refusal(whole.substr(0, cut));
    CHECK(at <= cut);
    CHECK(message.find("truncated") != std::string::npos);
  }
}

TEST_CASE("hostile input is refused with the offset") {
  CHECK(refusal("") == std::pair<uint64_t, std::string>{0, "empty file"});
  // A tuple claiming two billion items in a few bytes.
  CHECK(
      refusal("(\xff\xff\xff\x7fN"s) ==
      std::pair<uint64_t, std::string>{1, "tuple size 2147483647 is longer than the 1 bytes left"});
  CHECK(refusal("u\xff\xff\xff\xff"s).second == "negative string length");
  // A list that holds itself: [FLAG_REF list of 1 item: ref 0].
  CHECK(refusal("\xdb\x01\x00\x00\x00r\x00\x00\x00\x00"s) ==
        std::pair<uint64_t, std::string>{5, "reference 0 to a container that holds it (a cycle)"});
  CHECK(refusal("r\x05\x00\x00\x00"s).second == "reference 5 to an object not read yet");
  std::string deep(100, '[');
  for (size_t i = 0; i < 100; ++i) deep.insert(i * 5 + 1, "\x01\x00\x00\x00"s);
  CHECK(refusal(deep).second == "nesting deeper than 32");
  CHECK(refusal("c"s).second.starts_with("code objects are not read"));
  CHECK(refusal("x"s).second == "unsupported marshal type 0x78");
  CHECK(refusal("NN"s) == std::pair<uint64_t, std::string>{1, "unexpected data after the profile"});
  CHECK(refusal("l\x09\x00\x00\x00"s).second == "integer too large");
}
