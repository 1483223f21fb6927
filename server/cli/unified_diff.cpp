// The line diff is Myers' O((N+M)D) greedy algorithm ("An O(ND) Difference Algorithm and Its
// Variations", 1986): for each number of edits d it records the furthest reach on every diagonal,
// then walks the recorded reaches back from the end to recover the edit script. Only the
// differing middle of the texts is searched: fixes touch a few lines of a file, so the common
// prefix and suffix are most of it. The hunks are then printed exactly as GNU `diff -u` does.
#include "server/cli/unified_diff.h"

#include <fmt/format.h>  // hunk headers

#include <algorithm>  // reverse, min
#include <cstdint>
#include <vector>

namespace perfhint::cli {
namespace {

enum class LineEdit : uint8_t { Keep, Remove, Insert };

// Lines with their '\n', so that a last line without one differs from the same line with one.
std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

using Lines = std::vector<std::string_view>;

// Myers' search over a[aBegin, aEnd) and b[bBegin, bEnd); appends the edit script to `script`.
void appendShortestEditScript(const Lines& a, size_t aBegin, size_t aEnd, const Lines& b,
                              size_t bBegin, size_t bEnd, std::vector<LineEdit>& script) {
  const auto n = static_cast<int64_t>(aEnd - aBegin);
  const auto m = static_cast<int64_t>(bEnd - bBegin);
  auto same = [&](int64_t x, int64_t y) {
    return a[aBegin + static_cast<size_t>(x)] == b[bBegin + static_cast<size_t>(y)];
  };
  // reaches[d][k + d]: the furthest x on diagonal k = x - y with d edits (only k of d's parity).
  std::vector<std::vector<int64_t>> reaches;
  auto previousReach = [&](int64_t d, int64_t k) {
    return reaches[static_cast<size_t>(d - 1)][static_cast<size_t>(k + d - 1)];
  };
  // Whether the step onto diagonal k at d edits came down from k + 1 (an insertion) rather
  // than across from k - 1 (a removal).
  auto cameDown = [&](int64_t d, int64_t k) {
    return k == -d || (k != d && previousReach(d, k - 1) < previousReach(d, k + 1));
  };

  int64_t editCount = -1;
  for (int64_t d = 0; editCount < 0; ++d) {
    std::vector<int64_t> reach(static_cast<size_t>(2 * d + 1), 0);
    for (int64_t k = -d; k <= d; k += 2) {
      int64_t x = 0;
      if (d > 0) x = cameDown(d, k) ? previousReach(d, k + 1) : previousReach(d, k - 1) + 1;
      int64_t y = x - k;
      while (x < n && y < m && same(x, y)) ++x, ++y;
      reach[static_cast<size_t>(k + d)] = x;
      if (x >= n && y >= m) {
        editCount = d;
        break;
      }
    }
    reaches.push_back(std::move(reach));
  }

  // Walk back from (n, m): each step is a diagonal run of kept lines, then one edit.
  std::vector<LineEdit> reversed;
  int64_t x = n, y = m;
  for (int64_t d = editCount; d > 0; --d) {
    int64_t k = x - y;
    bool down = cameDown(d, k);
    int64_t previousK = down ? k + 1 : k - 1;
    int64_t previousX = previousReach(d, previousK);
    int64_t previousY = previousX - previousK;
    for (; x > previousX && y > previousY; --x, --y) reversed.push_back(LineEdit::Keep);
    reversed.push_back(down ? LineEdit::Insert : LineEdit::Remove);
    x = previousX;
    y = previousY;
  }
  for (; x > 0; --x) reversed.push_back(LineEdit::Keep);
  script.insert(script.end(), reversed.rbegin(), reversed.rend());
}

std::vector<LineEdit> shortestEditScript(const Lines& a, const Lines& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<LineEdit> script(prefix, LineEdit::Keep);
  appendShortestEditScript(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, script);
  script.insert(script.end(), suffix, LineEdit::Keep);
  return script;
}

// Like diff, shows each block of changed lines as its removals followed by its insertions.
void removalsFirst(std::vector<LineEdit>& script) {
  for (size_t begin = 0; begin < script.size();) {
    if (script[begin] == LineEdit::Keep) {
      ++begin;
      continue;
    }
    size_t end = begin;
    size_t removals = 0;
    for (; end < script.size() && script[end] != LineEdit::Keep; ++end) {
      removals += script[end] == LineEdit::Remove;
    }
    std::fill(script.begin() + static_cast<std::ptrdiff_t>(begin),
              script.begin() + static_cast<std::ptrdiff_t>(begin + removals), LineEdit::Remove);
    std::fill(script.begin() + static_cast<std::ptrdiff_t>(begin + removals),
              script.begin() + static_cast<std::ptrdiff_t>(end), LineEdit::Insert);
    begin = end;
  }
}

// GNU diff's range format: "start,count", just "start" for one line, and for no lines the
// number of the line before the gap ("0,0" at the top), which is what `patch` expects.
std::string hunkRange(size_t firstLine, size_t count) {
  if (count == 1) return fmt::format("{}", firstLine + 1);
  if (count == 0) return fmt::format("{},0", firstLine);
  return fmt::format("{},{}", firstLine + 1, count);
}

void appendLine(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unifiedDiff(std::string_view before, std::string_view after,
                        std::string_view beforeLabel, std::string_view afterLabel,
                        unsigned context) {
  if (before == after) return {};
  Lines a = splitLines(before);
  Lines b = splitLines(after);
  std::vector<LineEdit> script = shortestEditScript(a, b);
  removalsFirst(script);

  // Line numbers in `a` and `b` where each script entry starts, plus one past the end.
  std::vector<size_t> aLine(script.size() + 1, 0), bLine(script.size() + 1, 0);
  for (size_t i = 0; i < script.size(); ++i) {
    aLine[i + 1] = aLine[i] + (script[i] != LineEdit::Insert);
    bLine[i + 1] = bLine[i] + (script[i] != LineEdit::Remove);
  }
  auto nextChange = [&](size_t from) {
    while (from < script.size() && script[from] == LineEdit::Keep) ++from;
    return from;
  };

  std::string out = fmt::format("--- {}\n+++ {}\n", beforeLabel, afterLabel);
  for (size_t change = nextChange(0); change < script.size();) {
    // A hunk takes in every following change that is at most 2 * context kept lines away.
    size_t changeEnd = change;
    for (;;) {
      while (changeEnd < script.size() && script[changeEnd] != LineEdit::Keep) ++changeEnd;
      size_t following = nextChange(changeEnd);
      if (following == script.size() || following - changeEnd > 2 * size_t{context}) break;
      changeEnd = following;
    }
    size_t begin = change - std::min<size_t>(change, context);
    size_t end = std::min(script.size(), changeEnd + context);

    out += fmt::format("@@ -{} +{} @@\n", hunkRange(aLine[begin], aLine[end] - aLine[begin]),
                       hunkRange(bLine[begin], bLine[end] - bLine[begin]));
    for (size_t i = begin; i < end; ++i) {
      switch (script[i]) {
        case LineEdit::Keep: appendLine(out, ' ', a[aLine[i]]); break;
        case LineEdit::Remove: appendLine(out, '-', a[aLine[i]]); break;
        case LineEdit::Insert: appendLine(out, '+', b[bLine[i]]); break;
      }
    }
    change = nextChange(end);
  }
  return out;
}

}  // namespace perfhint::cli
