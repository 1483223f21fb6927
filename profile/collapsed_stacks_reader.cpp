// Collapsed ("folded") stacks: one line per distinct stack, frames root first joined by ';',
// then a space and a count. Frames are read in two spellings:
//
//   py-spy (`record --format raw`):  function (path/file.py:LINE)   or  function (path/file.py)
//   Austin 3:                        path/file.py:function:LINE
//
// py-spy counts samples. Austin prefixes each stack with process and thread frames (`P1234`,
// `T5678` or `T0:7f..`), which are skipped, and counts microseconds in its default time mode; a
// memory-mode Austin file (`# mode: memory`) is refused. Frames that name no Python file (py-spy's
// `process ...` and `thread (0x...)` frames, native frames) are skipped too. Lines starting with
// '#' are comments (Austin's metadata); empty lines are ignored.
#include "profile/profile_error.h"  // ProfileParseError
#include "profile/profile_readers.h"
#include "profile/stack_aggregator.h"  // samples -> functions

#include <charconv>  // from_chars
#include <optional>
#include <string>
#include <vector>

namespace perfhint::profile {
namespace {

struct ParsedFrame {
  std::string file;
  std::string name;
  uint32_t line = 0;
};

bool allDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

uint32_t toLine(std::string_view digits) {
  uint32_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return error == std::errc() ? value : 0;
}

bool looksLikePythonFile(std::string_view file) {
  return file.find(".py") != std::string_view::npos || file.find('<') == 0;
}

// Austin's process and thread frames: P1234, T5678, T0:7f3a...
bool isAustinContextFrame(std::string_view frame) {
  if (frame.size() < 2 || (frame[0] != 'P' && frame[0] != 'T')) return false;
  return frame.find('(') == std::string_view::npos && frame.find(".py") == std::string_view::npos;
}

std::optional<ParsedFrame> parseFrame(std::string_view frame) {
  // py-spy: "name (file:line)" or "name (file)".
  if (!frame.empty() && frame.back() == ')') {
    size_t open = frame.rfind(" (");
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view inside = frame.substr(open + 2, frame.size() - open - 3);
    ParsedFrame parsed;
    parsed.name = std::string(frame.substr(0, open));
    size_t colon = inside.rfind(':');
    if (colon != std::string_view::npos && allDigits(inside.substr(colon + 1))) {
      parsed.line = toLine(inside.substr(colon + 1));
      inside = inside.substr(0, colon);
    }
    if (!looksLikePythonFile(inside)) return std::nullopt;
    parsed.file = std::string(inside);
    return parsed;
  }
  // Austin: "file:function:line", read from the right (a Windows path has a colon of its own).
  size_t lineColon = frame.rfind(':');
  if (lineColon == std::string_view::npos || !allDigits(frame.substr(lineColon + 1))) {
    return std::nullopt;
  }
  size_t nameColon = frame.rfind(':', lineColon - 1);
  if (lineColon == 0 || nameColon == std::string_view::npos) return std::nullopt;
  ParsedFrame parsed;
  parsed.file = std::string(frame.substr(0, nameColon));
  parsed.name = std::string(frame.substr(nameColon + 1, lineColon - nameColon - 1));
  parsed.line = toLine(frame.substr(lineColon + 1));
  if (!looksLikePythonFile(parsed.file)) return std::nullopt;
  return parsed;
}

[[noreturn]] void fail(uint64_t line, const std::string& message) {
  throw ProfileParseError(ProfileError::Position::Line, line, message);
}

}  // namespace

Profile readCollapsedStacks(std::string_view text) {
  // Austin announces itself in its metadata or its P/T frames; its counts are microseconds.
  bool austin = text.starts_with("# austin") ||
                (text.size() > 1 && text[0] == 'P' && text[1] >= '0' && text[1] <= '9');
  StackAggregator aggregator(austin ? CostUnit::Seconds : CostUnit::Samples);
  std::vector<uint32_t> stack;
  uint64_t lineNumber = 0;
  bool any = false;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '#') {
      if (line.find("mode: memory") != std::string_view::npos) {
        fail(lineNumber, "a memory profile measures no time");
      }
      continue;
    }
    size_t space = line.rfind(' ');
    if (space == std::string_view::npos || !allDigits(line.substr(space + 1))) {
      fail(lineNumber, "expected `frame;frame;... COUNT`");
    }
    std::string_view countText = line.substr(space + 1);
    uint64_t count = 0;
    auto [end, error] =
        std::from_chars(countText.data(), countText.data() + countText.size(), count);
    if (error != std::errc()) fail(lineNumber, "count out of range");
    stack.clear();
    std::string_view frames = line.substr(0, space);
    while (!frames.empty()) {
      size_t semicolon = frames.find(';');
      std::string_view frame = frames.substr(0, semicolon);
      frames =
          semicolon == std::string_view::npos ? std::string_view() : frames.substr(semicolon + 1);
      if (isAustinContextFrame(frame)) continue;
      if (std::optional<ParsedFrame> parsed = parseFrame(frame)) {
        stack.push_back(aggregator.frame(parsed->file, parsed->name, parsed->line));
      }
    }
    any = true;
    aggregator.addSample(stack,
                         austin ? static_cast<double>(count) * 1e-6 : static_cast<double>(count));
  }
  if (!any) fail(lineNumber ? lineNumber : 1, "no stacks");
  return aggregator.finish(ProfileFormat::CollapsedStacks);
}

}  // namespace perfhint::profile
