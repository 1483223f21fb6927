#include "analysis/notebook/cell_layout.h"

#include <algorithm>  // upper_bound, erase_if
#include <deque>
#include <map>

namespace perfhint::notebook {
namespace {

bool isContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Turns the character at `at` into '#' (and the rest of a multi-byte character into spaces).
void commentOutAt(std::string& source, size_t at) {
  source[at] = '#';
  for (size_t i = at + 1; i < source.size() && isContinuationByte(source[i]); ++i) source[i] = ' ';
}

// Calls `visit(lineStart, lineEnd)` for each line of `text` (the end excludes the '\n').
template <typename Visit>
void forEachLine(std::string_view text, Visit visit) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    visit(start, end);
    if (end == text.size()) break;
    start = end + 1;
  }
}

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  forEachLine(text,
              [&](size_t start, size_t end) { lines.push_back(text.substr(start, end - start)); });
  return lines;
}

}  // namespace

void neutraliseMagics(std::string& source) {
  bool cellMagic = std::string_view(source).starts_with("%%");
  forEachLine(source, [&](size_t start, size_t end) {
    if (start == end) return;
    if (cellMagic) {
      commentOutAt(source, start);
      return;
    }
    size_t first = source.find_first_not_of(" \t", start);
    if (first < end && (source[first] == '%' || source[first] == '!')) source[first] = '#';
  });
}

std::string neutralisedMagics(std::string_view source) {
  std::string copy(source);
  neutraliseMagics(copy);
  return copy;
}

std::string restoreMagics(std::string_view original, std::string_view neutralised) {
  std::string neutralOriginal = neutralisedMagics(original);
  std::vector<std::string_view> before = splitLines(original);
  std::vector<std::string_view> neutralBefore = splitLines(neutralOriginal);
  // For each neutralised form of a magic line, the lines of the original that look like it
  // after neutralising, in order: a comment that happens to read the same keeps its place.
  std::map<std::string_view, std::deque<std::string_view>> wanted;
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i] != neutralBefore[i]) wanted[neutralBefore[i]];
  }
  if (wanted.empty()) return std::string(neutralised);
  for (size_t i = 0; i < before.size(); ++i) {
    if (auto found = wanted.find(neutralBefore[i]); found != wanted.end()) {
      found->second.push_back(before[i]);
    }
  }
  std::string restored;
  restored.reserve(neutralised.size());
  bool firstLine = true;
  for (std::string_view line : splitLines(neutralised)) {
    if (!firstLine) restored += '\n';
    firstLine = false;
    auto found = wanted.find(line);
    if (found != wanted.end() && !found->second.empty()) {
      restored += found->second.front();
      found->second.pop_front();
    } else {
      restored += line;
    }
  }
  return restored;
}

void CellLayout::append(std::string& program, uint32_t cell, std::string_view source) {
  spans_.push_back(
      {cell, static_cast<uint32_t>(program.size()), static_cast<uint32_t>(source.size())});
  program += source;
  program += '\n';
}

std::optional<size_t> CellLayout::spanHolding(ByteRange range) const {
  // The last cell starting at or before the range's start.
  auto after =
      std::upper_bound(spans_.begin(), spans_.end(), range.start,
                       [](uint32_t offset, const CellSpan& span) { return offset < span.start; });
  if (after == spans_.begin()) return std::nullopt;
  const CellSpan& span = *std::prev(after);
  if (range.start > span.end() || range.end > span.end()) return std::nullopt;
  return static_cast<size_t>(std::prev(after) - spans_.begin());
}

void CellLayout::resize(size_t index, int64_t delta) {
  spans_[index].length = static_cast<uint32_t>(spans_[index].length + delta);
  for (size_t i = index + 1; i < spans_.size(); ++i) {
    spans_[i].start = static_cast<uint32_t>(spans_[i].start + delta);
  }
}

void CellLayout::confineToCells(std::vector<Finding>& findings) const {
  std::erase_if(findings, [&](Finding& finding) {
    std::optional<size_t> cell = spanHolding(finding.range);
    if (!cell) return true;
    if (finding.fix) {
      for (const FixEdit& edit : finding.fix->edits) {
        if (spanHolding(edit.range) != cell) {
          finding.fix.reset();
          break;
        }
      }
    }
    return false;
  });
}

}  // namespace perfhint::notebook
