// Reads the subset of CPython's marshal format that profile dumps use (Python/marshal.c, format
// version 4): None, booleans, ints (32-bit and arbitrary-precision up to 63 bits), floats
// (binary and text), strings of every flavour (bytes, unicode, ASCII, short ASCII, interned),
// tuples, lists, dicts, sets, and back-references (FLAG_REF / TYPE_REF). Code objects and
// complex numbers are refused: no profile holds them.
//
// Values live in one arena and refer to each other by index, so a back-reference shares a
// value instead of copying it. Hostile input is refused with the byte offset: nesting deeper
// than kMaxMarshalDepth, lengths longer than the bytes left, references to unknown objects or
// to a container still being read (a cycle), more than kMaxMarshalValues values, and any data
// after the first object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint::profile {

/// Deeper nesting is refused; a pstats dump nests four levels.
inline constexpr int kMaxMarshalDepth = 32;
/// More values are refused: each costs far more memory than the byte or two it takes in the
/// file. A profile of 200,000 functions holds about 6 million.
inline constexpr size_t kMaxMarshalValues = 16'000'000;

struct MarshalValue {
  enum class Kind : uint8_t { None, Bool, Int, Float, String, Tuple, List, Dict, Set, Other };
  Kind kind = Kind::None;
  bool complete = false;  ///< false while a container's items are being read
  uint64_t offset = 0;    ///< where its type byte is
  int64_t integer = 0;    ///< Int, Bool
  double number = 0;      ///< Float
  std::string text;       ///< String (bytes as read; unicode as UTF-8)
  /// Tuple, List, Set: the items; Dict: key, value, key, value... (indexes into the arena).
  std::vector<uint32_t> items;
};

struct MarshalDocument {
  std::vector<MarshalValue> values;
  uint32_t root = 0;

  const MarshalValue& operator[](uint32_t index) const { return values[index]; }
};

/// Reads one marshalled object that must fill `bytes`. Throws ProfileParseError (with a byte
/// offset) on anything malformed, truncated or unsupported.
MarshalDocument readMarshal(std::string_view bytes);

/// "dict", "tuple", ... for messages.
const char* kindName(MarshalValue::Kind kind);

}  // namespace perfhint::profile
