// Collapsed stacks from py-spy (`--format raw`) and Austin.
#include "profile_test_support.h"

using namespace perfhint::profile;
using namespace perfhint::profile::testing;

TEST_CASE("py-spy's raw output: samples per function and line") {
  Profile profile = loadTestProfile("pricing.collapsed.txt");
  CHECK(profile.format == ProfileFormat::CollapsedStacks);
  CHECK(profile.unit == CostUnit::Samples);
  CHECK(profile.totalTime == 100);
  const ProfiledFunction& parse = functionNamed(profile, "parse");
  CHECK(parse.key.file == "/home/ci/build/shop/pricing.py");
  CHECK(parse.cumulativeTime == 40);
  CHECK(parse.ownTime == 10);
  CHECK(functionNamed(profile, "match").ownTime == 30);
  CHECK(functionNamed(profile, "weekend_orders").ownTime == 54);
  CHECK(functionNamed(profile, "<module>").cumulativeTime == 100);
  CHECK(functionNamed(profile, "<module>").ownTime == 5);
  REQUIRE(functionNamed(profile, "<module>").lines.size() == 2);
  CHECK(functionNamed(profile, "<module>").lines[0].line == 38);
  CHECK(profile.byOwnTime().front() ==
        static_cast<size_t>(&functionNamed(profile, "weekend_orders") - profile.functions.data()));
}

TEST_CASE("py-spy frames without lines, thread frames, and Austin's format") {
  ProfileLoad noLines =
      parseProfile("thread (0x7F01);f (a.py) 3\nthread (0x7F01);f (a.py);g (b.py) 1\n", "p");
  REQUIRE(noLines.profile);
  CHECK(noLines.profile->functions.size() == 2);  // the thread frame is not a function
  CHECK(functionNamed(*noLines.profile, "f").cumulativeTime == 4);

  ProfileLoad austin = parseProfile(
      "# austin: 3.6.0\n# mode: wall\n\nP42;T0:7f01;/app/a.py:<module>:1;/app/a.py:f:5 1500\n"
      "P42;T0:7f01;/app/a.py:<module>:2 500\n",
      "a.austin");
  REQUIRE(austin.profile);
  CHECK(austin.profile->unit == CostUnit::Seconds);  // Austin counts microseconds
  CHECK(austin.profile->totalTime == doctest::Approx(0.002));
  CHECK(functionNamed(*austin.profile, "f").ownTime == doctest::Approx(0.0015));
  CHECK(functionNamed(*austin.profile, "<module>").lines.size() == 2);
}

TEST_CASE("malformed collapsed stacks are refused with the line") {
  CHECK(refusal("f (a.py:1) 3\nno count here\n") ==
        "p: line 2: collapsed stacks profile: expected `frame;frame;... COUNT`");
  CHECK(refusal("f (a.py:1) 99999999999999999999999\n") ==
        "p: line 1: collapsed stacks profile: count out of range");
  CHECK(refusal("# austin: 3.6.0\n# mode: memory\n") ==
        "p: line 2: collapsed stacks profile: a memory profile measures no time");
  CHECK(refusal("\n\n") == "p: line 2: collapsed stacks profile: no stacks");
}
