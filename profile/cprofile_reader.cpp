// pstats dumps: marshal.dump of the dict that `pstats.Stats.stats` holds (Lib/pstats.py,
// Lib/cProfile.py snapshot_stats):
//
//   {(file, first_line, name): (primitive_calls, calls, own_time, cumulative_time, callers)}
//   callers = {(file, first_line, name): (calls, primitive_calls, own_time, cumulative_time)}
//
// The pure-Python `profile` module writes the call count alone as a caller's value. Built-ins
// are keyed ("~", 0, "<built-in method ...>"). A key given twice keeps its last value, as the
// dict pstats loads would.
#include "profile/marshal_reader.h"  // readMarshal
#include "profile/profile_error.h"   // ProfileParseError
#include "profile/profile_readers.h"

#include <cmath>  // isfinite
#include <string>
#include <unordered_map>

namespace perfhint::profile {
namespace {

using Kind = MarshalValue::Kind;

class StatsConverter {
 public:
  StatsConverter(const MarshalDocument& document, size_t budget)
      : document_(document), edgeBudget_(budget) {}

  Profile convert() {
    const MarshalValue& stats = expect(document_.root, Kind::Dict, "the profile");
    Profile profile;
    profile.format = ProfileFormat::CProfile;
    profile.unit = CostUnit::Seconds;
    profile.hasCallCounts = true;
    // Functions first, so that callers can name any of them.
    std::vector<uint32_t> entries;
    for (size_t i = 0; i < stats.items.size(); i += 2) {
      FunctionKey key = readKey(stats.items[i]);
      std::string lookup = keyString(key);
      auto [slot, inserted] = index_.try_emplace(lookup, profile.functions.size());
      if (inserted) {
        profile.functions.emplace_back();
        profile.functions.back().key = std::move(key);
        entries.push_back(stats.items[i + 1]);
      } else {
        entries[slot->second] = stats.items[i + 1];
      }
    }
    for (size_t i = 0; i < entries.size(); ++i) readEntry(entries[i], profile, i);
    for (size_t i = 0; i < profile.functions.size(); ++i) {
      for (const CallEdge& caller : profile.functions[i].callers) {
        CallEdge callee = caller;
        callee.function = i;
        profile.functions[caller.function].callees.push_back(callee);
      }
      profile.totalTime += profile.functions[i].ownTime;
    }
    return profile;
  }

 private:
  [[noreturn]] void fail(uint32_t value, const std::string& message) const {
    throw ProfileParseError(ProfileError::Position::Byte, document_[value].offset, message);
  }

  const MarshalValue& expect(uint32_t index, Kind kind, const char* what) const {
    const MarshalValue& value = document_[index];
    if (value.kind != kind) {
      fail(index, std::string(what) + " should be a " + kindName(kind) + ", not a " +
                      kindName(value.kind));
    }
    return value;
  }

  uint64_t count(uint32_t index, const char* what) const {
    const MarshalValue& value = expect(index, Kind::Int, what);
    if (value.integer < 0) fail(index, std::string(what) + " is negative");
    return static_cast<uint64_t>(value.integer);
  }

  double time(uint32_t index, const char* what) const {
    const MarshalValue& value = document_[index];
    double seconds = value.kind == Kind::Int ? static_cast<double>(value.integer)
                                             : expect(index, Kind::Float, what).number;
    if (!std::isfinite(seconds)) fail(index, std::string(what) + " is not a finite number");
    return seconds;
  }

  FunctionKey readKey(uint32_t index) const {
    const MarshalValue& key = expect(index, Kind::Tuple, "a function key");
    if (key.items.size() != 3) fail(index, "a function key should be (file, line, name)");
    FunctionKey result;
    result.file = expect(key.items[0], Kind::String, "a function's file").text;
    uint64_t line = count(key.items[1], "a function's line");
    if (line > UINT32_MAX) fail(key.items[1], "a function's line is out of range");
    result.firstLine = static_cast<uint32_t>(line);
    result.name = expect(key.items[2], Kind::String, "a function's name").text;
    return result;
  }

  static std::string keyString(const FunctionKey& key) {
    return key.file + '\0' + std::to_string(key.firstLine) + '\0' + key.name;
  }

  void readEntry(uint32_t index, Profile& profile, size_t function) {
    const MarshalValue& entry = expect(index, Kind::Tuple, "a function's figures");
    if (entry.items.size() != 5) {
      fail(index, "a function's figures should be (calls, calls, time, time, callers)");
    }
    ProfiledFunction& target = profile.functions[function];
    target.primitiveCalls = count(entry.items[0], "the primitive call count");
    target.calls = count(entry.items[1], "the call count");
    target.ownTime = time(entry.items[2], "the own time");
    target.cumulativeTime = time(entry.items[3], "the cumulative time");
    const MarshalValue& callers = expect(entry.items[4], Kind::Dict, "the callers");
    for (size_t i = 0; i < callers.items.size(); i += 2) {
      // Back-references could make every function share one huge callers dict: bound the work
      // by what the file's size allows.
      if (edgeBudget_-- == 0) fail(entry.items[4], "more call edges than the file can hold");
      FunctionKey key = readKey(callers.items[i]);
      auto caller = index_.find(keyString(key));
      if (caller == index_.end()) continue;  // pstats drops these too when it prints callers
      CallEdge edge;
      edge.function = caller->second;
      uint32_t figures = callers.items[i + 1];
      if (document_[figures].kind == Kind::Int) {
        edge.calls = edge.primitiveCalls = count(figures, "a caller's call count");
      } else {
        const MarshalValue& tuple = expect(figures, Kind::Tuple, "a caller's figures");
        if (tuple.items.size() != 4) {
          fail(figures, "a caller's figures should be (calls, calls, time, time)");
        }
        edge.calls = count(tuple.items[0], "a caller's call count");
        edge.primitiveCalls = count(tuple.items[1], "a caller's primitive call count");
        edge.ownTime = time(tuple.items[2], "a caller's own time");
        edge.cumulativeTime = time(tuple.items[3], "a caller's cumulative time");
      }
      target.callers.push_back(edge);
    }
  }

  const MarshalDocument& document_;
  size_t edgeBudget_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace

Profile readCProfile(std::string_view bytes) {
  MarshalDocument document = readMarshal(bytes);
  return StatsConverter(document, bytes.size()).convert();
}

}  // namespace perfhint::profile
