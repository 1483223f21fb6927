// cProfile output read in C++ agrees with pstats on the same file: a real profile of
// examples/profiled is made at test time and both readings are compared.
#include "profile/load_profile.h"
#include "profile/profile_readers.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>  // getpid

using namespace perfhint::profile;

namespace {

std::string runCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer;
  while (size_t read = fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), read);
  REQUIRE(pclose(pipe) == 0);
  return output;
}

// One line per function: file, line, name, cc, nc, repr(tt), repr(ct), then one line per caller
// indented with a tab; floats printed with repr read back exactly.
constexpr const char* kDumpStats = R"(
import pstats, sys
stats = pstats.Stats(sys.argv[1])
print(stats.total_calls, stats.prim_calls, repr(stats.total_tt))
for (file, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
    print(file, line, name, cc, nc, repr(tt), repr(ct), sep='|')
    for (cfile, cline, cname), figures in callers.items():
        print('', cfile, cline, cname, *map(repr, figures), sep='|')
)";

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '|')) fields.push_back(field);
  return fields;
}

}  // namespace

TEST_CASE("a real cProfile dump of examples/profiled reads as pstats reads it") {
  auto directory =
      std::filesystem::temp_directory_path() / ("perfhint_cprofile_" + std::to_string(getpid()));
  std::filesystem::create_directories(directory);
  std::string profilePath = (directory / "catalog.prof").string();
  std::string script = (directory / "dump_stats.py").string();
  std::ofstream(script) << kDumpStats;
  runCommand(std::string(PERFHINT_PYTHON3) + " -m cProfile -o " + profilePath + " " +
             PERFHINT_SOURCE_DIR "/examples/profiled/catalog.py > /dev/null");
  std::string expected =
      runCommand(std::string(PERFHINT_PYTHON3) + " " + script + " " + profilePath);

  ProfileLoad load = loadProfile(profilePath);
  REQUIRE_MESSAGE(load.profile, load.error.describe());
  const Profile& profile = *load.profile;
  CHECK(profile.format == ProfileFormat::CProfile);
  CHECK(profile.hasCallCounts);

  std::stringstream lines(expected);
  std::string line;
  std::getline(lines, line);
  std::stringstream totals(line);
  uint64_t totalCalls, primitiveCalls;
  std::string totalTime;
  totals >> totalCalls >> primitiveCalls >> totalTime;
  uint64_t calls = 0, primitive = 0;
  for (const ProfiledFunction& function : profile.functions) {
    calls += function.calls;
    primitive += function.primitiveCalls;
  }
  CHECK(calls == totalCalls);
  CHECK(primitive == primitiveCalls);
  CHECK(profile.totalTime ==
        doctest::Approx(std::strtod(totalTime.c_str(), nullptr)).epsilon(1e-12));

  size_t index = 0;
  size_t callerIndex = 0;
  bool sawRecursion = false;
  const ProfiledFunction* current = nullptr;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields = split(line);
    if (fields.size() == 7) {
      REQUIRE(index < profile.functions.size());
      current = &profile.functions[index++];
      callerIndex = 0;
      CAPTURE(line);
      CHECK(current->key.file == fields[0]);
      CHECK(current->key.firstLine == std::stoul(fields[1]));
      CHECK(current->key.name == fields[2]);
      CHECK(current->primitiveCalls == std::stoull(fields[3]));
      CHECK(current->calls == std::stoull(fields[4]));
      CHECK(current->ownTime == std::strtod(fields[5].c_str(), nullptr));
      CHECK(current->cumulativeTime == std::strtod(fields[6].c_str(), nullptr));
      sawRecursion = sawRecursion || current->calls != current->primitiveCalls;
    } else {
      REQUIRE(fields.size() == 8);
      REQUIRE(current);
      REQUIRE(callerIndex < current->callers.size());
      const CallEdge& edge = current->callers[callerIndex++];
      const FunctionKey& caller = profile.functions[edge.function].key;
      CAPTURE(line);
      CHECK(caller.file == fields[1]);
      CHECK(caller.firstLine == std::stoul(fields[2]));
      CHECK(caller.name == fields[3]);
      CHECK(edge.calls == std::stoull(fields[4]));
      CHECK(edge.primitiveCalls == std::stoull(fields[5]));
      CHECK(edge.ownTime == std::strtod(fields[6].c_str(), nullptr));
      CHECK(edge.cumulativeTime == std::strtod(fields[7].c_str(), nullptr));
    }
  }
  CHECK(index == profile.functions.size());
  CHECK(sawRecursion);  // ways_to_pay calls itself: "N/1" in pstats

  // The recursive function, as pstats prints its call counts.
  for (const ProfiledFunction& function : profile.functions) {
    if (function.key.name != "ways_to_pay") continue;
    CHECK(formatCallCounts(function) == std::to_string(function.calls) + "/1");
  }

  // Truncated anywhere, the same file is refused with the byte offset, never read half-way.
  std::ifstream in(profilePath, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (size_t cut : {size_t{1}, size_t{7}, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
    CAPTURE(cut);
    ProfileLoad truncated = parseProfile(bytes.substr(0, cut), "catalog.prof");
    CHECK_FALSE(truncated.profile);
    CHECK(truncated.error.position == ProfileError::Position::Byte);
    CHECK(truncated.error.at <= cut);
    CHECK(truncated.error.describe().starts_with("catalog.prof: byte "));
  }
  std::filesystem::remove_all(directory);
}

TEST_CASE("pstats dumps that are not profiles are refused with the offset") {
  using namespace std::string_literals;
  auto refusal = [](const std::string& bytes) {
    return parseProfile(bytes, "p.prof").error.describe();
  };
  CHECK(refusal("[\x00\x00\x00\x00"s) ==
        "p.prof: not a profile (cProfile, speedscope, collapsed stacks or line_profiler)");
  CHECK(refusal("{N)\x00"
                "0"s) ==
        "p.prof: byte 1: cProfile profile: a function key should be a tuple, not a None");
  // A key with a NaN own time: {('a', 1, 'f'): (1, 1, nan, 0.0, {})}
  std::string nan =
      "{)\x03z\x01"
      "ai\x01\x00\x00\x00z\x01"
      "f)\x05i\x01\x00\x00\x00i\x01\x00\x00\x00"
      "g\x00\x00\x00\x00\x00\x00\xf8\x7fg\x00\x00\x00\x00\x00\x00\x00\x00{00"s;
  CHECK(refusal(nan) == "p.prof: byte 26: cProfile profile: the own time is not a finite number");
  std::string negative =
      "{)\x03z\x01"
      "ai\x01\x00\x00\x00z\x01"
      "f)\x05i\xff\xff\xff\xff"s;
  CHECK(
      refusal(
          negative +
          "i\x01\x00\x00\x00g\x00\x00\x00\x00\x00\x00\x00\x00g\x00\x00\x00\x00\x00\x00\x00\x00{00"s) ==
      "p.prof: byte 16: cProfile profile: the primitive call count is negative");
}

TEST_CASE("the profile module's dumps: a caller's value is its call count") {
  using namespace std::string_literals;
  // {('a', 1, 'f'): (1, 1, 0.5, 0.5, {}), ('a', 5, 'g'): (2, 2, 0.25, 0.25, {('a', 1, 'f'): 2})}
  std::string bytes =
      "{)\x03z\x01"
      "ai\x01\x00\x00\x00z\x01"
      "f)\x05i\x01\x00\x00\x00i\x01\x00\x00\x00"
      "g\x00\x00\x00\x00\x00\x00\xe0?g\x00\x00\x00\x00\x00\x00\xe0?{0"
      ")\x03z\x01"
      "ai\x05\x00\x00\x00z\x01"
      "g)\x05i\x02\x00\x00\x00i\x02\x00\x00\x00"
      "g\x00\x00\x00\x00\x00\x00\xd0?g\x00\x00\x00\x00\x00\x00\xd0?"
      "{)\x03z\x01"
      "ai\x01\x00\x00\x00z\x01"
      "fi\x02\x00\x00\x00"
      "00"s;
  Profile profile = readCProfile(bytes);
  REQUIRE(profile.functions.size() == 2);
  CHECK(profile.totalTime == 0.75);
  REQUIRE(profile.functions[1].callers.size() == 1);
  CHECK(profile.functions[1].callers[0].function == 0);
  CHECK(profile.functions[1].callers[0].calls == 2);
  REQUIRE(profile.functions[0].callees.size() == 1);
  CHECK(profile.functions[0].callees[0].function == 1);
  CHECK(profile.byOwnTime() == std::vector<size_t>{0, 1});
}
