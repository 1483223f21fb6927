#include "profile/marshal_reader.h"

#include "profile/profile_error.h"  // ProfileParseError

#include <cmath>    // ldexp
#include <cstdlib>  // strtod
#include <cstring>  // memcpy
#include <string>

namespace perfhint::profile {
namespace {

// Type codes and the flag from Python/marshal.c.
constexpr uint8_t kFlagRef = 0x80;
constexpr char kNull = '0', kNone = 'N', kFalse = 'F', kTrue = 'T', kStopIteration = 'S',
               kEllipsis = '.', kInt = 'i', kLong = 'l', kFloat = 'f', kBinaryFloat = 'g',
               kString = 's', kInterned = 't', kRef = 'r', kTuple = '(', kSmallTuple = ')',
               kList = '[', kDict = '{', kUnicode = 'u', kSet = '<', kFrozenSet = '>', kAscii = 'a',
               kAsciiInterned = 'A', kShortAscii = 'z', kShortAsciiInterned = 'Z', kCode = 'c';

class MarshalReader {
 public:
  explicit MarshalReader(std::string_view bytes) : bytes_(bytes) {}

  MarshalDocument read() {
    document_.root = readObject(0);
    if (position_ != bytes_.size()) fail(position_, "unexpected data after the profile");
    return std::move(document_);
  }

 private:
  [[noreturn]] void fail(uint64_t at, const std::string& message) const {
    throw ProfileParseError(ProfileError::Position::Byte, at, message);
  }

  void need(uint64_t count, const char* what) const {
    if (count > bytes_.size() - position_) {
      fail(position_, std::string("truncated: ") + what + " needs " + std::to_string(count) +
                          " bytes, " + std::to_string(bytes_.size() - position_) + " left");
    }
  }

  uint8_t readByte(const char* what) {
    need(1, what);
    return static_cast<uint8_t>(bytes_[position_++]);
  }

  int32_t readInt32(const char* what) {
    need(4, what);
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      value |= static_cast<uint32_t>(static_cast<uint8_t>(bytes_[position_ + i])) << (8 * i);
    }
    position_ += 4;
    return static_cast<int32_t>(value);
  }

  // A length that must fit in what is left, each item taking at least `minimumItemSize` bytes:
  // a hostile length can never make us allocate more than the input justifies.
  uint32_t readLength(const char* what, uint64_t minimumItemSize) {
    uint64_t at = position_;
    int32_t length = readInt32(what);
    if (length < 0) fail(at, std::string("negative ") + what);
    if (static_cast<uint64_t>(length) * minimumItemSize > bytes_.size() - position_) {
      fail(at, std::string(what) + " " + std::to_string(length) + " is longer than the " +
                   std::to_string(bytes_.size() - position_) + " bytes left");
    }
    return static_cast<uint32_t>(length);
  }

  uint32_t add(MarshalValue value) {
    if (document_.values.size() >= kMaxMarshalValues) {
      fail(value.offset, "more than " + std::to_string(kMaxMarshalValues) + " values");
    }
    document_.values.push_back(std::move(value));
    return static_cast<uint32_t>(document_.values.size() - 1);
  }

  std::string readText(uint32_t length) {
    need(length, "string");
    std::string text(bytes_.substr(position_, length));
    position_ += length;
    return text;
  }

  int64_t readLong(uint64_t at) {
    int32_t size = readInt32("int size");
    // Digits are 15 bits each, least significant first; 4 digits fill 60 bits, a fifth may add
    // three more. Counts in a real profile are far smaller.
    if (size < -5 || size > 5) fail(at, "integer too large");
    uint32_t digits = static_cast<uint32_t>(size < 0 ? -size : size);
    need(uint64_t{digits} * 2, "int digits");
    uint64_t magnitude = 0;
    for (uint32_t i = 0; i < digits; ++i) {
      uint32_t digit = static_cast<uint8_t>(bytes_[position_]) |
                       static_cast<uint32_t>(static_cast<uint8_t>(bytes_[position_ + 1])) << 8;
      position_ += 2;
      if (digit >= (1u << 15)) fail(at, "bad digit in an integer");
      if (i == 4 && digit >= (1u << 3)) fail(at, "integer too large");
      magnitude |= static_cast<uint64_t>(digit) << (15 * i);
    }
    return size < 0 ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
  }

  double readTextFloat(uint64_t at) {
    uint8_t length = readByte("float length");
    std::string text = readText(length);
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) fail(at, "malformed float");
    return value;
  }

  double readBinaryFloat() {
    need(8, "float");
    uint64_t raw = 0;
    for (int i = 0; i < 8; ++i) {
      raw |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[position_ + i])) << (8 * i);
    }
    position_ += 8;
    double value;
    std::memcpy(&value, &raw, sizeof value);
    return value;
  }

  // Reads the items of a container already in the arena at `index`.
  void readItems(uint32_t index, uint32_t count, int depth) {
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t item = readObject(depth + 1);
      document_.values[index].items.push_back(item);
    }
  }

  void readDictItems(uint32_t index, int depth) {
    for (;;) {
      need(1, "dict key");
      if (bytes_[position_] == kNull) {
        ++position_;
        return;
      }
      uint32_t key = readObject(depth + 1);
      uint32_t value = readObject(depth + 1);
      document_.values[index].items.push_back(key);
      document_.values[index].items.push_back(value);
    }
  }

  uint32_t readObject(int depth) {
    uint64_t at = position_;
    if (depth > kMaxMarshalDepth)
      fail(at, "nesting deeper than " + std::to_string(kMaxMarshalDepth));
    uint8_t code = readByte("type code");
    bool flagged = (code & kFlagRef) != 0;
    char type = static_cast<char>(code & ~kFlagRef);

    if (type == kRef) {
      if (flagged) fail(at, "a back-reference cannot itself be referenced");
      int32_t reference = readInt32("reference");
      if (reference < 0 || static_cast<size_t>(reference) >= references_.size()) {
        fail(at, "reference " + std::to_string(reference) + " to an object not read yet");
      }
      uint32_t target = references_[static_cast<size_t>(reference)];
      if (!document_.values[target].complete) {
        fail(at,
             "reference " + std::to_string(reference) + " to a container that holds it (a cycle)");
      }
      return target;
    }

    MarshalValue value;
    value.offset = at;
    // Containers are registered before their items, as marshal.c does, so that their items can
    // refer to them (which we then refuse as a cycle); scalars after they are read.
    auto container = [&](MarshalValue::Kind kind) {
      value.kind = kind;
      uint32_t index = add(std::move(value));
      if (flagged) references_.push_back(index);
      return index;
    };
    switch (type) {
      case kTuple:
      case kList:
      case kSet:
      case kFrozenSet: {
        uint32_t count = readLength(type == kTuple ? "tuple size" : "list size", 1);
        uint32_t index = container(type == kTuple  ? MarshalValue::Kind::Tuple
                                   : type == kList ? MarshalValue::Kind::List
                                                   : MarshalValue::Kind::Set);
        readItems(index, count, depth);
        document_.values[index].complete = true;
        return index;
      }
      case kSmallTuple: {
        uint8_t count = readByte("tuple size");
        uint32_t index = container(MarshalValue::Kind::Tuple);
        readItems(index, count, depth);
        document_.values[index].complete = true;
        return index;
      }
      case kDict: {
        uint32_t index = container(MarshalValue::Kind::Dict);
        readDictItems(index, depth);
        document_.values[index].complete = true;
        return index;
      }
      case kNone: value.kind = MarshalValue::Kind::None; break;
      case kFalse:
      case kTrue:
        value.kind = MarshalValue::Kind::Bool;
        value.integer = type == kTrue;
        break;
      case kStopIteration:
      case kEllipsis: value.kind = MarshalValue::Kind::Other; break;
      case kInt:
        value.kind = MarshalValue::Kind::Int;
        value.integer = readInt32("int");
        break;
      case kLong:
        value.kind = MarshalValue::Kind::Int;
        value.integer = readLong(at);
        break;
      case kFloat:
        value.kind = MarshalValue::Kind::Float;
        value.number = readTextFloat(at);
        break;
      case kBinaryFloat:
        value.kind = MarshalValue::Kind::Float;
        value.number = readBinaryFloat();
        break;
      case kString:
      case kInterned:
      case kUnicode:
      case kAscii:
      case kAsciiInterned:
        value.kind = MarshalValue::Kind::String;
        value.text = readText(readLength("string length", 1));
        break;
      case kShortAscii:
      case kShortAsciiInterned:
        value.kind = MarshalValue::Kind::String;
        value.text = readText(readByte("string length"));
        break;
      case kNull: fail(at, "unexpected end-of-dict marker");
      case kCode:
        // `python -m profile` names its top-level entry by a code object; cProfile never does.
        fail(at,
             "code objects are not read (the pure-Python profile module writes one for the "
             "top-level code; profile with cProfile instead)");
      default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", code);
        fail(at, std::string("unsupported marshal type ") + hex);
      }
    }
    value.complete = true;
    uint32_t index = add(std::move(value));
    if (flagged) references_.push_back(index);
    return index;
  }

  std::string_view bytes_;
  size_t position_ = 0;
  MarshalDocument document_;
  std::vector<uint32_t> references_;  ///< FLAG_REF objects in the order they were read
};

}  // namespace

MarshalDocument readMarshal(std::string_view bytes) {
  if (bytes.empty()) throw ProfileParseError(ProfileError::Position::Byte, 0, "empty file");
  return MarshalReader(bytes).read();
}

const char* kindName(MarshalValue::Kind kind) {
  switch (kind) {
    case MarshalValue::Kind::None: return "None";
    case MarshalValue::Kind::Bool: return "bool";
    case MarshalValue::Kind::Int: return "int";
    case MarshalValue::Kind::Float: return "float";
    case MarshalValue::Kind::String: return "str";
    case MarshalValue::Kind::Tuple: return "tuple";
    case MarshalValue::Kind::List: return "list";
    case MarshalValue::Kind::Dict: return "dict";
    case MarshalValue::Kind::Set: return "set";
    case MarshalValue::Kind::Other: return "object";
  }
  return "object";
}

}  // namespace perfhint::profile
