// speedscope's file format (https://www.speedscope.app/file-format-schema.json):
//
//   {"shared": {"frames": [{"name": N, "file": F, "line": L}, ...]},
//    "profiles": [{"type": "sampled", "unit": U, "samples": [[frame, ...], ...],
//                  "weights": [w, ...]},
//                 {"type": "evented", "unit": U, "startValue": s, "endValue": e,
//                  "events": [{"type": "O" | "C", "at": t, "frame": i}, ...]}]}
//
// Samples list frames root first. py-spy writes one sampled profile per thread with unit
// "none" (each weight one sample); the profiles of a file are added together. Units "seconds",
// "milliseconds", "microseconds" and "nanoseconds" become seconds, "none" samples; "bytes"
// (memory profiles) is refused.
#include "profile/profile_error.h"  // ProfileParseError
#include "profile/profile_readers.h"
#include "profile/stack_aggregator.h"  // samples -> functions

#include <nlohmann/json.hpp>  // parsing

#include <algorithm>  // count
#include <cmath>      // isfinite
#include <optional>
#include <string>

namespace perfhint::profile {
namespace {

using Json = nlohmann::json;

// JSON nested deeper than a speedscope file ever is (5 levels) is refused while parsing.
constexpr int kMaxJsonDepth = 16;

[[noreturn]] void fail(const std::string& where, const std::string& message) {
  throw ProfileParseError(ProfileError::Position::None, 0, where + ": " + message);
}

const Json& member(const Json& object, const char* key, const std::string& where) {
  if (!object.is_object()) fail(where, "should be an object");
  auto found = object.find(key);
  if (found == object.end()) fail(where, std::string("has no \"") + key + "\"");
  return *found;
}

double number(const Json& value, const std::string& where) {
  if (!value.is_number()) fail(where, "should be a number");
  double result = value.get<double>();
  if (!std::isfinite(result)) fail(where, "is not a finite number");
  return result;
}

// Seconds per unit, or nullopt for samples.
std::optional<double> secondsPerUnit(const Json& unit, const std::string& where) {
  if (!unit.is_string()) fail(where, "should be a string");
  const std::string& name = unit.get_ref<const std::string&>();
  if (name == "none") return std::nullopt;
  if (name == "seconds") return 1.0;
  if (name == "milliseconds") return 1e-3;
  if (name == "microseconds") return 1e-6;
  if (name == "nanoseconds") return 1e-9;
  fail(where, "unit \"" + name + "\" is not a unit of time");
}

class SpeedscopeConverter {
 public:
  explicit SpeedscopeConverter(const Json& document) : document_(document) {}

  Profile convert() {
    const Json& profiles = member(document_, "profiles", "the file");
    if (!profiles.is_array() || profiles.empty()) fail("profiles", "should be a non-empty list");
    // The unit of the first profile decides; the others must count the same thing.
    std::optional<double> scale =
        secondsPerUnit(member(profiles[0], "unit", "profiles[0]"), "profiles[0].unit");
    StackAggregator aggregator(scale ? CostUnit::Seconds : CostUnit::Samples);
    std::vector<uint32_t> frames = readFrames(aggregator);
    for (size_t i = 0; i < profiles.size(); ++i) {
      std::string where = "profiles[" + std::to_string(i) + "]";
      std::optional<double> unit =
          secondsPerUnit(member(profiles[i], "unit", where), where + ".unit");
      if (unit.has_value() != scale.has_value()) fail(where, "mixes samples and times");
      const Json& type = member(profiles[i], "type", where);
      if (type == "sampled") {
        readSampled(profiles[i], where, unit.value_or(1.0), frames, aggregator);
      } else if (type == "evented") {
        readEvented(profiles[i], where, unit.value_or(1.0), frames, aggregator);
      } else {
        fail(where + ".type", "should be \"sampled\" or \"evented\"");
      }
    }
    return aggregator.finish(ProfileFormat::Speedscope);
  }

 private:
  std::vector<uint32_t> readFrames(StackAggregator& aggregator) {
    const Json& frames = member(member(document_, "shared", "the file"), "frames", "shared");
    if (!frames.is_array()) fail("shared.frames", "should be a list");
    std::vector<uint32_t> ids;
    for (size_t i = 0; i < frames.size(); ++i) {
      std::string where = "shared.frames[" + std::to_string(i) + "]";
      const Json& name = member(frames[i], "name", where);
      if (!name.is_string()) fail(where + ".name", "should be a string");
      std::string file;
      if (auto found = frames[i].find("file"); found != frames[i].end() && !found->is_null()) {
        if (!found->is_string()) fail(where + ".file", "should be a string");
        file = found->get<std::string>();
      }
      uint32_t line = 0;
      if (auto found = frames[i].find("line"); found != frames[i].end() && !found->is_null()) {
        double value = number(*found, where + ".line");
        if (value < 0 || value > 1e9) fail(where + ".line", "is out of range");
        line = static_cast<uint32_t>(value);
      }
      ids.push_back(aggregator.frame(file, name.get<std::string>(), line));
    }
    return ids;
  }

  static uint32_t frameAt(const Json& index, const std::vector<uint32_t>& frames,
                          const std::string& where) {
    if (!index.is_number_unsigned() || index.get<uint64_t>() >= frames.size()) {
      fail(where, "is not the index of a frame in shared.frames");
    }
    return frames[index.get<size_t>()];
  }

  static void readSampled(const Json& profile, const std::string& where, double scale,
                          const std::vector<uint32_t>& frames, StackAggregator& aggregator) {
    const Json& samples = member(profile, "samples", where);
    const Json& weights = member(profile, "weights", where);
    if (!samples.is_array() || !weights.is_array() || samples.size() != weights.size()) {
      fail(where, "samples and weights should be lists of the same length");
    }
    std::vector<uint32_t> stack;
    for (size_t i = 0; i < samples.size(); ++i) {
      std::string sample = where + ".samples[" + std::to_string(i) + "]";
      if (!samples[i].is_array()) fail(sample, "should be a list of frame indexes");
      stack.clear();
      for (size_t j = 0; j < samples[i].size(); ++j) {
        stack.push_back(frameAt(samples[i][j], frames, sample + "[" + std::to_string(j) + "]"));
      }
      double weight = number(weights[i], where + ".weights[" + std::to_string(i) + "]");
      if (weight < 0) fail(where + ".weights[" + std::to_string(i) + "]", "is negative");
      aggregator.addSample(stack, weight * scale);
    }
  }

  // Events open and close frames; the time between two events belongs to the stack open then.
  static void readEvented(const Json& profile, const std::string& where, double scale,
                          const std::vector<uint32_t>& frames, StackAggregator& aggregator) {
    const Json& events = member(profile, "events", where);
    if (!events.is_array()) fail(where + ".events", "should be a list");
    double last = number(member(profile, "startValue", where), where + ".startValue");
    std::vector<uint32_t> stack;
    for (size_t i = 0; i < events.size(); ++i) {
      std::string event = where + ".events[" + std::to_string(i) + "]";
      double at = number(member(events[i], "at", event), event + ".at");
      if (at < last) fail(event + ".at", "goes back in time");
      aggregator.addSample(stack, (at - last) * scale);
      last = at;
      uint32_t frame = frameAt(member(events[i], "frame", event), frames, event + ".frame");
      const Json& type = member(events[i], "type", event);
      if (type == "O") {
        stack.push_back(frame);
      } else if (type == "C") {
        if (stack.empty() || stack.back() != frame) fail(event, "closes a frame that is not open");
        stack.pop_back();
      } else {
        fail(event + ".type", "should be \"O\" or \"C\"");
      }
    }
    if (!stack.empty()) {
      double end = number(member(profile, "endValue", where), where + ".endValue");
      if (end < last) fail(where + ".endValue", "is before the last event");
      aggregator.addSample(stack, (end - last) * scale);
    }
  }

  const Json& document_;
};

}  // namespace

Profile readSpeedscope(std::string_view text) {
  Json document;
  try {
    // The callback sees every value with its depth before it is stored, so a deeply nested
    // document is refused before it is built.
    document = Json::parse(text, [](int depth, Json::parse_event_t, Json&) {
      if (depth > kMaxJsonDepth) {
        throw ProfileParseError(ProfileError::Position::None, 0,
                                "nesting deeper than " + std::to_string(kMaxJsonDepth));
      }
      return true;
    });
  } catch (const Json::parse_error& error) {
    uint64_t end = std::min<uint64_t>(error.byte, text.size());
    auto line = 1 + static_cast<uint64_t>(std::count(
                        text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
    throw ProfileParseError(ProfileError::Position::Line, line, "malformed JSON");
  } catch (const Json::exception&) {
    // nlohmann reports a number too large for a double as out_of_range, without a position.
    throw ProfileParseError(ProfileError::Position::None, 0,
                            "a number in the JSON is out of range");
  }
  return SpeedscopeConverter(document).convert();
}

}  // namespace perfhint::profile
