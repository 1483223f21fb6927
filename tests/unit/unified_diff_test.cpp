// unifiedDiff: the exact output of GNU `diff -u` (the expected texts below are what diffutils 3.8
// prints for the same inputs), and a shortest diff that turns `before` into `after`.
#include "server/cli/unified_diff.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using perfhint::cli::unifiedDiff;

namespace {

std::string diff(std::string_view before, std::string_view after) {
  return unifiedDiff(before, after, "a/f.py", "b/f.py");
}

std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> result;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    result.emplace_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return result;
}

// Applies a unified diff made by unifiedDiff to `before`, as `patch` would, checking that every
// context and removed line matches. Returns what the diff says `after` is.
std::string applyDiff(std::string_view before, std::string_view patch) {
  std::vector<std::string> source = lines(before), patchLines = lines(patch);
  std::string result;
  size_t next = 0;  // first line of `source` not yet copied
  for (size_t i = 2; i < patchLines.size();) {
    const std::string& header = patchLines[i++];
    REQUIRE(header.starts_with("@@ -"));
    // "-start,count", "-start" for one line; an empty range names the line before it.
    std::string range = header.substr(4, header.find(' ', 4) - 4);
    size_t comma = range.find(',');
    size_t start = std::stoul(range);
    size_t count = comma == std::string::npos ? 1 : std::stoul(range.substr(comma + 1));
    size_t hunkBegin = count == 0 ? start : start - 1;
    for (; next < hunkBegin; ++next) result += source[next];
    for (; i < patchLines.size() && !patchLines[i].starts_with("@@"); ++i) {
      std::string line = patchLines[i].substr(1);
      if (i + 1 < patchLines.size() && patchLines[i + 1] == "\\ No newline at end of file\n") {
        line.pop_back();
      }
      char marker = patchLines[i][0];
      if (marker == '\\') continue;
      if (marker != '+') {
        REQUIRE(next < source.size());
        CHECK(source[next] == line);
        ++next;
      }
      if (marker != '-') result += line;
    }
  }
  for (; next < source.size(); ++next) result += source[next];
  return result;
}

size_t changedLines(std::string_view patch) {
  size_t count = 0;
  for (const std::string& line : lines(patch)) {
    if ((line[0] == '+' && !line.starts_with("+++ ")) ||
        (line[0] == '-' && !line.starts_with("--- "))) {
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("equal texts give no diff") {
  CHECK(diff("", "") == "");
  CHECK(diff("a\nb\n", "a\nb\n") == "");
}

TEST_CASE("a change shows three lines of context on each side") {
  CHECK(diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n") ==
        "--- a/f.py\n+++ b/f.py\n"
        "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("one-line ranges print without a count") {
  CHECK(diff("x = 1\n", "x = 2\n") == "--- a/f.py\n+++ b/f.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n");
}

TEST_CASE("changes six unchanged lines apart share a hunk, seven apart do not") {
  const char* before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n";
  CHECK(diff(before, "1\nB\n3\n4\n5\n6\n7\n8\nI\n10\n11\n12\n13\n14\n") ==
        "--- a/f.py\n+++ b/f.py\n"
        "@@ -1,12 +1,12 @@\n 1\n-2\n+B\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+I\n 10\n 11\n 12\n");
  CHECK(diff(before, "1\nB\n3\n4\n5\n6\n7\n8\n9\nJ\n11\n12\n13\n14\n") ==
        "--- a/f.py\n+++ b/f.py\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+B\n 3\n 4\n 5\n"
        "@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+J\n 11\n 12\n 13\n");
}

TEST_CASE("an empty range names the line before it") {
  CHECK(diff("", "a\nb\n") == "--- a/f.py\n+++ b/f.py\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  CHECK(diff("a\n", "") == "--- a/f.py\n+++ b/f.py\n@@ -1 +0,0 @@\n-a\n");
  CHECK(diff("a\nb\nc\nd\ne\n", "a\nb\nnew\nc\nd\ne\n") ==
        "--- a/f.py\n+++ b/f.py\n@@ -1,5 +1,6 @@\n a\n b\n+new\n c\n d\n e\n");
}

TEST_CASE("a last line without a newline is marked") {
  CHECK(diff("a\nb\nc", "a\nb\nc\n") ==
        "--- a/f.py\n+++ b/f.py\n"
        "@@ -1,3 +1,3 @@\n a\n b\n-c\n\\ No newline at end of file\n+c\n");
  CHECK(diff("a\nb\nc", "A\nb\nc") ==
        "--- a/f.py\n+++ b/f.py\n"
        "@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n\\ No newline at end of file\n");
}

TEST_CASE("removals come before insertions within a change") {
  CHECK(diff("keep\nold1\nold2\nkeep2\n", "keep\nnew1\nnew2\nkeep2\n") ==
        "--- a/f.py\n+++ b/f.py\n"
        "@@ -1,4 +1,4 @@\n keep\n-old1\n-old2\n+new1\n+new2\n keep2\n");
}

TEST_CASE("random edits: the diff applies and is no longer than the edits made") {
  std::mt19937 random(20240601);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> before;
    size_t length = random() % 40;
    // Few distinct lines, so that many alignments are possible.
    for (size_t i = 0; i < length; ++i)
      before.push_back(std::string(1, "abcd"[random() % 4]) + "\n");
    std::vector<std::string> after = before;
    size_t edits = random() % 6;
    for (size_t e = 0; e < edits; ++e) {
      if (random() % 2 && !after.empty()) {
        after.erase(after.begin() + static_cast<std::ptrdiff_t>(random() % after.size()));
      } else {
        after.insert(after.begin() + static_cast<std::ptrdiff_t>(random() % (after.size() + 1)),
                     std::string(1, "abxy"[random() % 4]) + "\n");
      }
    }
    std::string beforeText, afterText;
    for (const std::string& line : before) beforeText += line;
    for (const std::string& line : after) afterText += line;
    if (random() % 4 == 0 && !afterText.empty()) afterText.pop_back();

    CAPTURE(beforeText);
    CAPTURE(afterText);
    std::string patch = diff(beforeText, afterText);
    CHECK(patch.empty() == (beforeText == afterText));
    if (patch.empty()) continue;
    CHECK(applyDiff(beforeText, patch) == afterText);
    // Each edit changes at most one line, dropping the final newline at most two.
    CHECK(changedLines(patch) <= edits + 2);
  }
}
