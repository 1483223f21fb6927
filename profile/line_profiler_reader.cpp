// line_profiler's text report, one block per profiled function:
//
//   Timer unit: 1e-06 s
//
//   Total time: 0.0123 s
//   File: /app/build.py
//   Function: build_index at line 10
//
//   Line #      Hits         Time  Per Hit   % Time  Line Contents
//   ==============================================================
//       10                                           def build_index(rows):
//       11      1001        345.0      0.3      2.8      for row in rows:
//
// "Time" is in timer units. A line's time includes the calls made on it, so a function's total
// is inclusive too: it becomes both its own and its cumulative time (line_profiler measures
// nothing outside the functions it was asked to), and the run's total is the sum of the totals.
#include "profile/profile_error.h"  // ProfileParseError
#include "profile/profile_readers.h"

#include <cmath>    // isfinite
#include <cstdlib>  // strtod
#include <string>

namespace perfhint::profile {
namespace {

[[noreturn]] void fail(uint64_t line, const std::string& message) {
  throw ProfileParseError(ProfileError::Position::Line, line, message);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// A finite number filling `text`, or a parse error on `line`.
double parseNumber(std::string_view text, uint64_t line, const char* what) {
  std::string copy(trim(text));
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(value) || value < 0) {
    fail(line, std::string("expected a number for ") + what);
  }
  return value;
}

class LineProfilerParser {
 public:
  Profile parse(std::string_view text) {
    profile_.format = ProfileFormat::LineProfiler;
    profile_.unit = CostUnit::Seconds;
    profile_.hasCallCounts = false;
    while (!text.empty()) {
      size_t newline = text.find('\n');
      std::string_view line = text.substr(0, newline);
      text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
      ++lineNumber_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      readLine(line);
    }
    if (!sawTimerUnit_) fail(1, "no \"Timer unit:\" line: not a line_profiler report");
    finishFunction();
    return std::move(profile_);
  }

 private:
  void readLine(std::string_view line) {
    std::string_view trimmed = trim(line);
    if (trimmed.starts_with("Timer unit:")) {
      std::string_view value = trim(trimmed.substr(11));
      if (value.ends_with(" s")) value.remove_suffix(2);
      timerUnit_ = parseNumber(value, lineNumber_, "the timer unit");
      sawTimerUnit_ = true;
    } else if (trimmed.starts_with("Total time:")) {
      finishFunction();
      std::string_view value = trim(trimmed.substr(11));
      if (value.ends_with(" s")) value.remove_suffix(2);
      total_ = parseNumber(value, lineNumber_, "the total time");
      inFunction_ = true;
      tableColumn_ = std::string_view::npos;
    } else if (trimmed.starts_with("File:") && inFunction_) {
      file_ = std::string(trim(trimmed.substr(5)));
    } else if (trimmed.starts_with("Function:") && inFunction_) {
      std::string_view rest = trim(trimmed.substr(9));
      size_t at = rest.rfind(" at line ");
      if (at == std::string_view::npos) fail(lineNumber_, "expected \"Function: NAME at line N\"");
      name_ = std::string(rest.substr(0, at));
      double first = parseNumber(rest.substr(at + 9), lineNumber_, "the function's line");
      if (first > 1e9) fail(lineNumber_, "the function's line is out of range");
      firstLine_ = static_cast<uint32_t>(first);
    } else if (line.find("Line Contents") != std::string_view::npos && inFunction_) {
      tableColumn_ = line.find("Line Contents");
      if (line.find("Hits") == std::string_view::npos ||
          line.find("Time") == std::string_view::npos) {
        fail(lineNumber_, "unexpected table header");
      }
    } else if (tableColumn_ != std::string_view::npos && !trimmed.empty() &&
               !trimmed.starts_with("==")) {
      readRow(line);
    }
  }

  // "  11      1001        345.0      0.3      2.8      for row in rows:": the numbers sit left of
  // the "Line Contents" column; a line that never ran has its number alone.
  void readRow(std::string_view line) {
    std::string_view numbers = line.substr(0, std::min(tableColumn_, line.size()));
    std::vector<std::string_view> fields;
    while (!(numbers = trim(numbers)).empty()) {
      size_t space = numbers.find_first_of(" \t");
      fields.push_back(numbers.substr(0, space));
      numbers = space == std::string_view::npos ? std::string_view() : numbers.substr(space);
    }
    if (fields.empty()) return;
    double lineNo = parseNumber(fields[0], lineNumber_, "the line number");
    if (fields.size() == 1) return;  // never ran
    if (fields.size() < 3) fail(lineNumber_, "expected line, hits and time");
    if (lineNo > 1e9) fail(lineNumber_, "line number out of range");
    LineCost cost;
    cost.line = static_cast<uint32_t>(lineNo);
    double hits = parseNumber(fields[1], lineNumber_, "the hits");
    if (hits > 1e18) fail(lineNumber_, "hits out of range");
    cost.hits = static_cast<uint64_t>(hits);
    cost.time = parseNumber(fields[2], lineNumber_, "the time") * timerUnit_;
    lines_.push_back(cost);
  }

  void finishFunction() {
    if (!inFunction_) return;
    if (name_.empty()) fail(lineNumber_, "a function block without a \"Function:\" line");
    ProfiledFunction function;
    function.key = {file_, firstLine_, name_};
    function.ownTime = function.cumulativeTime = total_;
    function.lines = std::move(lines_);
    profile_.totalTime += total_;
    profile_.functions.push_back(std::move(function));
    lines_.clear();
    name_.clear();
    file_.clear();
    firstLine_ = 0;
    inFunction_ = false;
  }

  Profile profile_;
  uint64_t lineNumber_ = 0;
  bool sawTimerUnit_ = false;
  double timerUnit_ = 1e-6;
  bool inFunction_ = false;
  double total_ = 0;
  std::string file_, name_;
  uint32_t firstLine_ = 0;
  size_t tableColumn_ = std::string_view::npos;
  std::vector<LineCost> lines_;
};

}  // namespace

Profile readLineProfiler(std::string_view text) {
  return LineProfilerParser().parse(text);
}

}  // namespace perfhint::profile
