// CheckCache: what a save gives back to the next load, and what makes a cache file untrusted.
#include "server/cli/check_cache.h"

#include "analysis/rules/registry.h"  // rules for the findings
#include "server/cli/cache_keys.h"    // stamps, settings keys

#include <doctest/doctest.h>

#include <unistd.h>  // getpid

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace perfhint;
using namespace perfhint::cli;

namespace {

constexpr uint64_t kFingerprint = 0x1234;
constexpr uint64_t kSettings = 77;
// A stamp from long ago: trusted. One taken now is not (see isSettledStamp).
constexpr FileStamp kOldStamp{40, 1'000'000'000, 1'000'000'000};

// A fresh directory for one test case, removed at its end.
struct TempDirectory {
  fs::path path;
  TempDirectory() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("check_cache_test." + std::to_string(getpid()) + "." + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDirectory() { fs::remove_all(path); }
};

std::string sourceFile(const fs::path& directory, const std::string& name) {
  std::string path = (directory / name).string();
  std::ofstream(path) << "x = 1 in [1, 2]\n";
  return path;
}

std::vector<Finding> sampleFindings() {
  Finding finding;
  finding.rule = &findRule("PH701")->info();
  finding.range = {4, 15};
  finding.message = "Membership test in a list literal";
  finding.severity = Severity::Info;
  finding.loopDepth = 2;
  finding.fix = Fix{"Use a set literal", FixSafety::Unsafe, {{{9, 10}, "{"}, {{14, 15}, "}"}}};
  Finding plain;
  plain.rule = &findRule("PH101")->info();
  plain.range = {0, 1};
  plain.message = "Another";
  return {finding, plain};
}

void checkSameFindings(const std::vector<Finding>& actual, const std::vector<Finding>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    CHECK(actual[i].rule == expected[i].rule);
    CHECK(actual[i].range.start == expected[i].range.start);
    CHECK(actual[i].range.end == expected[i].range.end);
    CHECK(actual[i].message == expected[i].message);
    CHECK(actual[i].severity == expected[i].severity);
    CHECK(actual[i].loopDepth == expected[i].loopDepth);
    REQUIRE(actual[i].fix.has_value() == expected[i].fix.has_value());
    if (!actual[i].fix) continue;
    CHECK(actual[i].fix->title == expected[i].fix->title);
    CHECK(actual[i].fix->safety == expected[i].fix->safety);
    CHECK(actual[i].fix->edits == expected[i].fix->edits);
  }
}

// Saves one entry for `path` with `stamp` into the cache in `directory`.
void saveOne(const fs::path& directory, const std::string& path, const FileStamp& stamp,
             uint64_t fingerprint = kFingerprint) {
  CheckCache cache(directory, fingerprint);
  cache.load();
  cache.beginRun(1);
  cache.record(0, path, kSettings, stamp, 99, "x = 1 in [1, 2]\n", sampleFindings());
  REQUIRE(cache.save() == "");
}

std::string readAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeAll(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("a saved result comes back by stamp, with text, ranges, messages and fixes") {
  TempDirectory temp;
  std::string path = sourceFile(temp.path, "a.py");
  saveOne(temp.path / "cache", path, kOldStamp);

  CheckCache cache(temp.path / "cache", kFingerprint);
  cache.load();
  CHECK(cache.problem() == "");
  std::optional<CachedCheck> hit = cache.findByStamp(path, kSettings, kOldStamp);
  REQUIRE(hit);
  CHECK(hit->text == "x = 1 in [1, 2]\n");
  checkSameFindings(hit->findings, sampleFindings());

  FileStamp touched = kOldStamp;
  touched.changedNs += 1;
  CHECK_FALSE(cache.findByStamp(path, kSettings, touched));
  CHECK_FALSE(cache.findByStamp(path, kSettings + 1, kOldStamp));
  CHECK_FALSE(cache.findByStamp(path + "x", kSettings, kOldStamp));
}

TEST_CASE("the cache directory gets a .gitignore and a CACHEDIR.TAG") {
  TempDirectory temp;
  saveOne(temp.path / "cache", sourceFile(temp.path, "a.py"), kOldStamp);
  CHECK(readAll(temp.path / "cache" / ".gitignore") ==
        "# Created by perfhint: the whole directory is a cache.\n*\n");
  CHECK(readAll(temp.path / "cache" / "CACHEDIR.TAG")
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"));
  CHECK(fs::exists(temp.path / "cache" / PERFHINT_VERSION / "check.bin"));
}

TEST_CASE("a stamp taken right after a change is not trusted: the content decides") {
  TempDirectory temp;
  std::string path = sourceFile(temp.path, "a.py");
  FileStamp recent{40, wallClockNs(), wallClockNs()};
  saveOne(temp.path / "cache", path, recent);

  CheckCache cache(temp.path / "cache", kFingerprint);
  cache.load();
  cache.beginRun(1);
  CHECK_FALSE(cache.findByStamp(path, kSettings, recent));
  CHECK_FALSE(cache.findByContent(0, path, kSettings, recent, 98));
  std::optional<CachedCheck> hit = cache.findByContent(0, path, kSettings, recent, 99);
  REQUIRE(hit);
  checkSameFindings(hit->findings, sampleFindings());
}

TEST_CASE("a hit by content records the new stamp for the next run") {
  TempDirectory temp;
  std::string path = sourceFile(temp.path, "a.py");
  saveOne(temp.path / "cache", path, kOldStamp);
  FileStamp moved{40, 2'000'000'000, 2'000'000'000};
  {
    CheckCache cache(temp.path / "cache", kFingerprint);
    cache.load();
    cache.beginRun(1);
    REQUIRE(cache.findByContent(0, path, kSettings, moved, 99));
    REQUIRE(cache.save() == "");
  }
  CheckCache cache(temp.path / "cache", kFingerprint);
  cache.load();
  CHECK(cache.findByStamp(path, kSettings, moved));
  CHECK_FALSE(cache.findByStamp(path, kSettings, kOldStamp));
}

TEST_CASE("a cache file of another fingerprint, truncated, damaged or foreign is ignored") {
  TempDirectory temp;
  std::string path = sourceFile(temp.path, "a.py");
  fs::path directory = temp.path / "cache";
  fs::path file = directory / PERFHINT_VERSION / "check.bin";
  saveOne(directory, path, kOldStamp);
  const std::string good = readAll(file);

  auto loadAfter = [&](const std::string& bytes) {
    writeAll(file, bytes);
    CheckCache cache(directory, kFingerprint);
    cache.load();
    CHECK_FALSE(cache.findByStamp(path, kSettings, kOldStamp));
    return cache.problem();
  };
  {
    CheckCache other(directory, kFingerprint + 1);
    other.load();
    CHECK(other.problem() == "written by another version or build of perfhint");
    CHECK_FALSE(other.findByStamp(path, kSettings, kOldStamp));
  }
  CHECK(loadAfter(good.substr(0, good.size() - 1)) == "truncated or padded");
  CHECK(loadAfter(good + "x") == "truncated or padded");
  CHECK(loadAfter(good.substr(0, 20)) == "truncated");
  CHECK(loadAfter("") == "not a perfhint cache file");
  CHECK(loadAfter("garbage that is long enough to fill a header of forty bytes") ==
        "not a perfhint cache file");
  std::string flipped = good;
  flipped[flipped.size() - 5] ^= 1;
  CHECK(loadAfter(flipped) == "damaged (its content does not match its hash)");

  // The next save replaces the unusable file even when it records nothing new.
  writeAll(file, "garbage");
  CheckCache cache(directory, kFingerprint);
  cache.load();
  cache.beginRun(0);
  REQUIRE(cache.save() == "");
  CheckCache reloaded(directory, kFingerprint);
  reloaded.load();
  CHECK(reloaded.problem() == "");
}

TEST_CASE("saving keeps what another run saved in between, and drops files that are gone") {
  TempDirectory temp;
  fs::path directory = temp.path / "cache";
  std::string a = sourceFile(temp.path, "a.py"), b = sourceFile(temp.path, "b.py");
  std::string gone = sourceFile(temp.path, "gone.py");
  saveOne(directory, gone, kOldStamp);
  fs::remove(gone);

  CheckCache first(directory, kFingerprint), second(directory, kFingerprint);
  first.load();
  second.load();
  first.beginRun(1);
  second.beginRun(1);
  first.record(0, a, kSettings, kOldStamp, 1, "", {});
  second.record(0, b, kSettings, kOldStamp, 2, "", {});
  REQUIRE(first.save() == "");
  REQUIRE(second.save() == "");

  CheckCache cache(directory, kFingerprint);
  cache.load();
  CHECK(cache.findByStamp(a, kSettings, kOldStamp));
  CHECK(cache.findByStamp(b, kSettings, kOldStamp));
  CHECK_FALSE(cache.findByStamp(gone, kSettings, kOldStamp));
}

TEST_CASE("a run that records nothing writes nothing") {
  TempDirectory temp;
  CheckCache cache(temp.path / "cache", kFingerprint);
  cache.load();
  cache.beginRun(3);
  CHECK(cache.save() == "");
  CHECK_FALSE(fs::exists(temp.path / "cache"));
}

TEST_CASE("a cache that cannot be written says why") {
  TempDirectory temp;
  writeAll(temp.path / "file", "not a directory");
  CheckCache cache(temp.path / "file" / "cache", kFingerprint);
  cache.load();
  cache.beginRun(1);
  cache.record(0, "a.py", kSettings, kOldStamp, 1, "", {});
  CHECK(cache.save().starts_with("cannot create "));
}

TEST_CASE("settingsKey changes with the rules, the target version and the severities") {
  config::FileSettings base;
  uint64_t key = settingsKey(base);
  CHECK(settingsKey(base) == key);

  config::FileSettings fewer = base;
  std::string error;
  fewer.selection = *RuleSelection::fromPatterns({"PH7"}, {}, error);
  CHECK(settingsKey(fewer) != key);

  config::FileSettings older = base;
  older.analysis.targetVersion = {3, 9};
  CHECK(settingsKey(older) != key);

  config::FileSettings louder = base;
  louder.analysis.severity["PH701"] = Severity::Error;
  CHECK(settingsKey(louder) != key);

  config::FileSettings unsafe = base;
  unsafe.unsafeFixes = true;  // findings carry their fixes either way
  CHECK(settingsKey(unsafe) == key);
}
