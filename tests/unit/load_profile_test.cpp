// Telling the formats apart, and errors that name the file.
#include "profile/load_profile.h"

#include "profile_test_support.h"

using namespace perfhint::profile;
using namespace perfhint::profile::testing;
using namespace std::string_literals;

TEST_CASE("the format is told from the first bytes") {
  CHECK(detectFormat("\xfb\xa9\x03"s) == ProfileFormat::CProfile);
  CHECK(detectFormat("{)\x03"s) == ProfileFormat::CProfile);
  CHECK(detectFormat("{0"s) == ProfileFormat::CProfile);
  CHECK(detectFormat("{\"shared\": {}}") == ProfileFormat::Speedscope);
  CHECK(detectFormat("\xEF\xBB\xBF{\"a\": 1}") == ProfileFormat::Speedscope);
  CHECK(detectFormat("  \n{}") == ProfileFormat::Speedscope);
  CHECK(detectFormat("Timer unit: 1e-06 s\n") == ProfileFormat::LineProfiler);
  CHECK(detectFormat("Wrote profile results to x.lprof\nTimer unit: 1e-06 s\n") ==
        ProfileFormat::LineProfiler);
  CHECK(detectFormat("main (a.py:3) 12\n") == ProfileFormat::CollapsedStacks);
  CHECK_FALSE(detectFormat(""));
  CHECK_FALSE(detectFormat("\x01\x00\x02"s));
}

TEST_CASE("every committed profile loads; a missing file is an error naming it") {
  for (const char* name :
       {"pricing.speedscope.json", "pricing.collapsed.txt", "pricing.lprof.txt"}) {
    CAPTURE(name);
    CHECK(loadTestProfile(name).functions.size() >= 2);
  }
  ProfileLoad missing = loadProfile("/nonexistent/out.prof");
  CHECK_FALSE(missing.profile);
  CHECK(missing.error.describe().starts_with("/nonexistent/out.prof: cannot read: "));
  CHECK(refusal("", "empty.prof") == "empty.prof: empty file");
}
