// speedscope files: sampled and evented profiles, units, and refusals.
#include "profile_test_support.h"

using namespace perfhint::profile;
using namespace perfhint::profile::testing;

TEST_CASE("a sampled speedscope profile: own, cumulative, lines and edges") {
  Profile profile = loadTestProfile("pricing.speedscope.json");
  CHECK(profile.format == ProfileFormat::Speedscope);
  CHECK(profile.unit == CostUnit::Seconds);
  CHECK_FALSE(profile.hasCallCounts);
  CHECK(profile.totalTime == doctest::Approx(2.0));
  const ProfiledFunction& parse = functionNamed(profile, "parse");
  CHECK(parse.key.firstLine == 0);
  CHECK(parse.ownTime == doctest::Approx(0.2));
  CHECK(parse.cumulativeTime == doctest::Approx(0.8));
  REQUIRE(parse.lines.size() == 2);
  CHECK(parse.lines[0].line == 12);
  CHECK(parse.lines[0].time == doctest::Approx(0.6));
  CHECK(parse.lines[1].line == 13);
  const ProfiledFunction& main = functionNamed(profile, "main");
  CHECK(main.cumulativeTime == doctest::Approx(1.8));
  CHECK(main.ownTime == 0);
  REQUIRE(main.callees.size() == 2);
  CHECK(profile.functions[main.callees[0].function].key.name == "parse");
  CHECK(main.callees[0].cumulativeTime == doctest::Approx(0.8));
  CHECK(functionNamed(profile, "<module>").cumulativeTime == doctest::Approx(2.0));
  CHECK(functionNamed(profile, "<module>").ownTime == doctest::Approx(0.2));
}

TEST_CASE("an evented profile, recursion counted once, unit none as samples") {
  std::string evented = R"({"shared": {"frames": [{"name": "f", "file": "a.py", "line": 3},
      {"name": "g", "file": "a.py", "line": 9}]},
    "profiles": [{"type": "evented", "unit": "milliseconds", "startValue": 0, "endValue": 10,
      "events": [{"type": "O", "at": 0, "frame": 0}, {"type": "O", "at": 2, "frame": 1},
                 {"type": "O", "at": 3, "frame": 0}, {"type": "C", "at": 5, "frame": 0},
                 {"type": "C", "at": 6, "frame": 1}]}]})";
  ProfileLoad load = parseProfile(evented, "e.json");
  REQUIRE(load.profile);
  const Profile& profile = *load.profile;
  CHECK(profile.totalTime == doctest::Approx(0.010));
  CHECK(functionNamed(profile, "f").cumulativeTime == doctest::Approx(0.010));
  CHECK(functionNamed(profile, "f").ownTime == doctest::Approx(0.008));
  CHECK(functionNamed(profile, "g").cumulativeTime == doctest::Approx(0.004));

  std::string samples = R"({"shared": {"frames": [{"name": "f", "file": "a.py"}]},
    "profiles": [{"type": "sampled", "unit": "none", "samples": [[0], [0, 0]], "weights": [1, 2]}]})";
  ProfileLoad counted = parseProfile(samples, "s.json");
  REQUIRE(counted.profile);
  CHECK(counted.profile->unit == CostUnit::Samples);
  CHECK(counted.profile->functions[0].cumulativeTime == 3);
}

TEST_CASE("malformed speedscope files are refused with the place") {
  CHECK(refusal("{\"shared\": {\"frames\": [}") == "p: line 1: speedscope profile: malformed JSON");
  CHECK(refusal("{\n\"shared\":\n tru") == "p: line 3: speedscope profile: malformed JSON");
  CHECK(refusal(R"({"shared": {"frames": []}, "profiles": []})") ==
        "p: speedscope profile: profiles: should be a non-empty list");
  CHECK(refusal(
            R"({"shared": {"frames": []}, "profiles": [{"type": "sampled", "unit": "bytes"}]})") ==
        "p: speedscope profile: profiles[0].unit: unit \"bytes\" is not a unit of time");
  CHECK(refusal(R"({"shared": {"frames": [{"name": "f"}]}, "profiles": [{"type": "sampled",
        "unit": "none", "samples": [[0, 7]], "weights": [1]}]})") ==
        "p: speedscope profile: profiles[0].samples[0][1]: is not the index of a frame in "
        "shared.frames");
  CHECK(refusal(R"({"shared": {"frames": [{"name": "f"}]}, "profiles": [{"type": "evented",
        "unit": "none", "startValue": 0, "endValue": 1, "events": [{"type": "C", "at": 0, "frame": 0}]}]})") ==
        "p: speedscope profile: profiles[0].events[0]: closes a frame that is not open");
  CHECK(refusal(R"({"shared": {"frames": [{"name": "f", "line": 1e999}]}})") ==
        "p: speedscope profile: a number in the JSON is out of range");
  std::string deep = "{\"shared\": " + std::string(200, '[') + std::string(200, ']') + "}";
  CHECK(refusal(deep) == "p: speedscope profile: nesting deeper than 16");
}
