#include "analysis/explain/recorded_measurements.h"

#include <charconv>  // numbers from the table
#include <cmath>     // fabs
#include <cstdio>    // snprintf
#include <vector>

namespace perfhint {

std::string_view recordedMeasurementsTsv();  // generated from measurements.tsv

namespace {

std::vector<std::string_view> splitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

template <typename Number>
bool parseNumber(std::string_view text, Number& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

// Lines: code, n, before seconds, after seconds, interpreter. A header line and lines that do
// not parse are skipped (a unit test checks that every line parses).
std::vector<RecordedMeasurement> parseTable() {
  std::vector<RecordedMeasurement> table;
  std::string_view text = recordedMeasurementsTsv();
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    std::vector<std::string_view> fields = splitFields(line);
    RecordedMeasurement row;
    if (fields.size() != 5 || !parseNumber(fields[1], row.n) ||
        !parseNumber(fields[2], row.beforeSeconds) || !parseNumber(fields[3], row.afterSeconds))
      continue;
    row.code = fields[0];
    row.python = fields[4];
    table.push_back(row);
  }
  return table;
}

}  // namespace

std::optional<RecordedMeasurement> recordedMeasurement(std::string_view code) {
  static const std::vector<RecordedMeasurement> table = parseTable();
  for (const RecordedMeasurement& row : table)
    if (row.code == code) return row;
  return std::nullopt;
}

std::string speedupText(double beforeSeconds, double afterSeconds) {
  if (beforeSeconds <= 0 || afterSeconds <= 0) return "not measurable";
  double ratio = beforeSeconds / afterSeconds;
  if (std::fabs(ratio - 1.0) < 0.05) return "no measurable difference";
  char buffer[48];
  if (ratio > 1)
    std::snprintf(buffer, sizeof buffer, "%.*f× faster", ratio < 10 ? 2 : 0, ratio);
  else
    std::snprintf(buffer, sizeof buffer, "%.2f× slower", 1 / ratio);
  return buffer;
}

std::string durationText(double seconds) {
  char buffer[32];
  if (seconds < 1e-6)
    std::snprintf(buffer, sizeof buffer, "%.0f ns", seconds * 1e9);
  else if (seconds < 1e-3)
    std::snprintf(buffer, sizeof buffer, "%.1f µs", seconds * 1e6);
  else if (seconds < 1)
    std::snprintf(buffer, sizeof buffer, "%.2f ms", seconds * 1e3);
  else
    std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
  return buffer;
}

}  // namespace perfhint
