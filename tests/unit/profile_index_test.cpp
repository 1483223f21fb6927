// The profile joined to the source: which def each profiled function is, and the cost around a
// finding, for each kind of profile.
#include "profile/profile_index.h"

#include "analysis/syntax/tree_sitter.h"
#include "profile_test_support.h"

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace perfhint;
using namespace perfhint::profile;
using namespace perfhint::profile::testing;

namespace {

const std::string kPricing = "shop/pricing.py";

std::string pricingSource() {
  std::ifstream in(profilePath("workspace/shop/pricing.py"));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The cost around the first occurrence of `needle` in pricing.py.
MeasuredCost costAt(const ProfileIndex& index, const std::string& needle) {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(pricingSource(), *parser);
  std::vector<PythonFunction> functions = pythonFunctions(document);
  size_t offset = document.text().find(needle);
  REQUIRE(offset != std::string::npos);
  auto line =
      static_cast<uint32_t>(std::count(document.text().begin(),
                                       document.text().begin() + static_cast<long>(offset), '\n') +
                            1);
  return index.costAt(kPricing, functions, static_cast<uint32_t>(offset), line);
}

}  // namespace

TEST_CASE("defs with their decorator lines") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(pricingSource(), *parser);
  std::vector<PythonFunction> functions = pythonFunctions(document);
  REQUIRE(functions.size() == 5);
  CHECK(functions[2].name == "weekend_orders");
  CHECK(functions[2].firstLine == 17);
  CHECK(functions[2].defLine == 18);
  CHECK(functions[2].lastLine == 23);
  CHECK(innermostFunctionAt(functions, 0) == -1);
}

TEST_CASE("speedscope: sampled lines find their defs; unrun code is cold") {
  ProfileIndex index(loadTestProfile("pricing.speedscope.json"), {"other/main.py", kPricing});
  MeasuredCost weekend = costAt(index, "if day in [\"sat\"");
  CHECK(weekend.heat == Heat::Measured);
  CHECK(weekend.function == "weekend_orders");
  CHECK(weekend.functionLine == 18);
  CHECK(weekend.time == doctest::Approx(1.0));
  CHECK(weekend.share == doctest::Approx(0.5));
  REQUIRE(weekend.line);
  CHECK(weekend.line->line == 21);
  CHECK(weekend.line->time == doctest::Approx(1.0));
  MeasuredCost cold = costAt(index, "if day in [\"mon\"");
  CHECK(cold.heat == Heat::Cold);
  CHECK(cold.function == "never_called");
  MeasuredCost module = costAt(index, "if attempt in");
  CHECK(module.function == "<module>");
  CHECK(module.share == doctest::Approx(1.0));
  CHECK_FALSE(module.line);  // line 39 was never sampled
}

TEST_CASE("line_profiler: the decorator's line names the function; others are unmeasured") {
  ProfileIndex index(loadTestProfile("pricing.lprof.txt"), {kPricing});
  MeasuredCost weekend = costAt(index, "if day in [\"sat\"");
  CHECK(weekend.heat == Heat::Measured);
  CHECK(weekend.share == doctest::Approx(0.25));
  REQUIRE(weekend.line);
  CHECK(weekend.line->hits == 4000);
  CHECK(weekend.line->time == doctest::Approx(0.18));
  CHECK(costAt(index, "if day in [\"mon\"").heat == Heat::Unmeasured);
  CHECK(costAt(index, "if attempt in").heat == Heat::Unmeasured);
}

TEST_CASE("cProfile keys: first line and name; a moved function found by its unique name") {
  Profile profile;
  profile.format = ProfileFormat::CProfile;
  profile.totalTime = 4;
  profile.functions.push_back({});
  profile.functions.back().key = {"/srv/app/shop/pricing.py", 17, "weekend_orders"};
  profile.functions.back().cumulativeTime = 1;
  profile.functions.push_back({});
  profile.functions.back().key = {"/srv/app/shop/pricing.py", 3, "parse"};  // the file changed
  profile.functions.back().cumulativeTime = 2;
  ProfileIndex index(std::move(profile), {kPricing});
  CHECK(costAt(index, "if day in [\"sat\"").share == doctest::Approx(0.25));
  CHECK(costAt(index, "re.match").share == doctest::Approx(0.5));
  CHECK(costAt(index, "if attempt in").heat == Heat::Cold);
}
