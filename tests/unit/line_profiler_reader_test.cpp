// line_profiler's text report.
#include "profile_test_support.h"

using namespace perfhint::profile;
using namespace perfhint::profile::testing;

TEST_CASE("functions, totals and per-line times") {
  Profile profile = loadTestProfile("pricing.lprof.txt");
  CHECK(profile.format == ProfileFormat::LineProfiler);
  CHECK(profile.totalTime == doctest::Approx(1.0));
  REQUIRE(profile.functions.size() == 2);
  const ProfiledFunction& parse = profile.functions[0];
  CHECK(parse.key == FunctionKey{"/srv/app/shop/pricing.py", 9, "parse"});
  CHECK(parse.ownTime == doctest::Approx(0.75));
  CHECK(parse.cumulativeTime == doctest::Approx(0.75));
  REQUIRE(parse.lines.size() == 5);  // line 9 never ran
  CHECK(parse.lines[2].line == 12);
  CHECK(parse.lines[2].hits == 4000);
  CHECK(parse.lines[2].time == doctest::Approx(0.6));
  CHECK(profile.functions[1].key.firstLine == 17);  // the decorator's line
}

TEST_CASE("malformed reports are refused with the line") {
  CHECK(refusal("Timer unit: abc s\n") ==
        "p: line 1: line_profiler profile: expected a number for the timer unit");
  CHECK(refusal("Timer unit: 1e-06 s\n\nTotal time: 1 s\nFile: a.py\nFunction: f\n") ==
        "p: line 5: line_profiler profile: expected \"Function: NAME at line N\"");
  CHECK(refusal("Timer unit: 1e-06 s\n\nTotal time: nan s\n") ==
        "p: line 3: line_profiler profile: expected a number for the total time");
  CHECK(refusal("Timer unit: 1e-06 s\nTotal time: 1 s\nFile: a.py\nFunction: f at line 1\n"
                "Line #  Hits  Time  Per Hit  % Time  Line Contents\n"
                "     1     x     2      2      100   pass\n") ==
        "p: line 6: line_profiler profile: expected a number for the hits");
}
