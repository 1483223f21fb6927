#include "analysis/explain/recorded_measurements.h"

#include "analysis/rules/registry.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace perfhint;

TEST_CASE("speed-ups read as a reader expects") {
  CHECK(speedupText(4.52e-4, 1.13e-4) == "4.00× faster");
  CHECK(speedupText(3e-3, 1e-4) == "30× faster");
  CHECK(speedupText(1e-4, 1.5e-4) == "1.50× slower");
  CHECK(speedupText(1.00e-4, 0.97e-4) == "no measurable difference");
  CHECK(speedupText(0, 1e-4) == "not measurable");
}

TEST_CASE("durations are shown in the unit that suits them") {
  CHECK(durationText(8.12e-7) == "812 ns");
  CHECK(durationText(4.52e-5) == "45.2 µs");
  CHECK(durationText(3.1e-3) == "3.10 ms");
  CHECK(durationText(1.25) == "1.25 s");
}

TEST_CASE("every line of measurements.tsv is a known, timed rule, once") {
  std::ifstream file(PERFHINT_SOURCE_DIR "/analysis/explain/measurements.tsv");
  REQUIRE(file);
  std::string line;
  std::getline(file, line);
  CHECK(line == "code\tn\tbefore_seconds\tafter_seconds\tpython");
  std::set<std::string> seen;
  while (std::getline(file, line)) {
    std::string code = line.substr(0, line.find('\t'));
    CAPTURE(line);
    CHECK(seen.insert(code).second);
    const Rule* rule = findRule(code);
    REQUIRE(rule);
    CHECK(!rule->info().measure.call.empty());
    auto figure = recordedMeasurement(code);
    REQUIRE(figure);
    CHECK(figure->n > 0);
    CHECK(figure->beforeSeconds > 0);
    CHECK(figure->afterSeconds > 0);
    CHECK(figure->python.starts_with("CPython 3."));
  }
}
