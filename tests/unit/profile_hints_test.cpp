// The editor's profile texts: shares, counts, lens titles, hot lines, and how a measured cost
// changes a diagnostic.
#include "server/lsp/profile_hints.h"

#include <doctest/doctest.h>

namespace perfhint::lsp {
namespace {

using profile::Heat;
using profile::MeasuredCost;
using protocol::DiagnosticSeverity;

protocol::Diagnostic diagnosticWith(DiagnosticSeverity severity) {
  protocol::Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.message = "slow";
  return diagnostic;
}

MeasuredCost measured(double share) {
  MeasuredCost cost;
  cost.heat = Heat::Measured;
  cost.share = share;
  return cost;
}

TEST_CASE("shares have two significant figures, counts have thousands separators") {
  CHECK(formatShare(0.82) == "82%");
  CHECK(formatShare(1.0) == "100%");
  CHECK(formatShare(0.053) == "5.3%");
  CHECK(formatShare(0.0996) == "10%");
  CHECK(formatShare(0) == "0.0%");
  CHECK(formatCount(0) == "0");
  CHECK(formatCount(999) == "999");
  CHECK(formatCount(1204) == "1,204");
  CHECK(formatCount(1234567) == "1,234,567");
}

TEST_CASE("lens titles follow what the profiler measured") {
  profile::Profile timed;
  timed.hasCallCounts = true;
  timed.totalTime = 1.5;
  profile::ProfiledFunction function;
  function.calls = 1204;
  function.ownTime = 0.4;
  function.cumulativeTime = 1.23;
  CHECK(codeLensTitle(timed, function) == "⏱ 1.23 s total · 400 ms own · 1,204 calls · 82% of run");
  function.calls = 1;
  CHECK(codeLensTitle(timed, function) == "⏱ 1.23 s total · 400 ms own · 1 call · 82% of run");

  profile::Profile sampled;
  sampled.format = profile::ProfileFormat::CollapsedStacks;
  sampled.unit = profile::CostUnit::Samples;
  sampled.totalTime = 200;
  function.ownTime = 40;
  function.cumulativeTime = 100;
  CHECK(codeLensTitle(sampled, function) == "⏱ 100 samples total · 40 samples own · 50% of run");

  profile::Profile lines;
  lines.format = profile::ProfileFormat::LineProfiler;
  lines.totalTime = 2;
  function.cumulativeTime = 1.4;
  CHECK(codeLensTitle(lines, function) == "⏱ 1.40 s total · 70% of run");
}

TEST_CASE("hot lines are those with at least 1% of the function's time") {
  profile::ProfiledFunction function;
  function.cumulativeTime = 1;
  function.lines = {{2, 1, 0.0099}, {3, 10, 0.01}, {4, 100, 0.9801}};
  std::vector<HotLine> hot = hotLines(function);
  REQUIRE(hot.size() == 2);
  CHECK(hot[0].line == 3);
  CHECK(hotLineLabel(hot[0]) == "1.0% time");
  CHECK(hot[1].line == 4);
  CHECK(hotLineLabel(hot[1]) == "98% time");
  function.cumulativeTime = 0;
  CHECK(hotLines(function).empty());
}

TEST_CASE("hot code is raised one level, up to error, with the measured share") {
  protocol::Diagnostic hint = diagnosticWith(DiagnosticSeverity::Hint);
  applyMeasuredCost(hint, measured(0.82), 5);
  CHECK(hint.severity == DiagnosticSeverity::Information);
  CHECK(hint.message == "slow (measured: 82% of run time)");

  protocol::Diagnostic warning = diagnosticWith(DiagnosticSeverity::Warning);
  applyMeasuredCost(warning, measured(0.05), 5);
  CHECK(warning.severity == DiagnosticSeverity::Error);
  CHECK(warning.message == "slow (measured: 5.0% of run time)");

  protocol::Diagnostic error = diagnosticWith(DiagnosticSeverity::Error);
  applyMeasuredCost(error, measured(0.5), 5);
  CHECK(error.severity == DiagnosticSeverity::Error);
}

TEST_CASE("code under the threshold or unmeasured keeps its diagnostic; cold code drops to hint") {
  protocol::Diagnostic cool = diagnosticWith(DiagnosticSeverity::Warning);
  applyMeasuredCost(cool, measured(0.049), 5);
  CHECK(cool == diagnosticWith(DiagnosticSeverity::Warning));

  protocol::Diagnostic unmeasured = diagnosticWith(DiagnosticSeverity::Warning);
  MeasuredCost unknown;
  unknown.heat = Heat::Unmeasured;
  applyMeasuredCost(unmeasured, unknown, 5);
  CHECK(unmeasured == diagnosticWith(DiagnosticSeverity::Warning));

  protocol::Diagnostic cold = diagnosticWith(DiagnosticSeverity::Error);
  applyMeasuredCost(cold, MeasuredCost{}, 5);
  CHECK(cold.severity == DiagnosticSeverity::Hint);
  CHECK(cold.message == "slow (not run in the profile)");
}

}  // namespace
}  // namespace perfhint::lsp
