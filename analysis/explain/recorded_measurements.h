// The speed-ups `perfhint measure` recorded for the project's docs (analysis/explain/
// measurements.tsv, compiled in): what hover and docs/rules.md quote for each rule's example.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace perfhint {

/// One timing of a rule's example: best seconds per call of each side for an input of size `n`.
struct RecordedMeasurement {
  std::string_view code;
  long n = 0;
  double beforeSeconds = 0;
  double afterSeconds = 0;
  std::string_view python;  ///< "CPython 3.11.2"
};

/// The figure recorded for `code`, if its example was measured.
std::optional<RecordedMeasurement> recordedMeasurement(std::string_view code);

/// "3.2× faster", "1.4× slower" or "no measurable difference" (within 5%).
std::string speedupText(double beforeSeconds, double afterSeconds);

/// A duration per call in the unit that suits it: "812 ns", "45.2 µs", "3.10 ms", "1.25 s".
std::string durationText(double seconds);

}  // namespace perfhint
