#include "server/lsp/profile_hints.h"

#include <algorithm>  // sort, min
#include <cstdio>     // snprintf

namespace perfhint::lsp {
namespace {

using profile::CallEdge;
using profile::CostUnit;
using profile::Profile;
using profile::ProfiledFunction;

std::string callsText(uint64_t calls) {
  return formatCount(calls) + (calls == 1 ? " call" : " calls");
}

// "`helper` (800 ms in 1,000 calls)", or without calls for sampling profiles.
std::string edgeText(const Profile& profile, const CallEdge& edge) {
  std::string text = "`" + profile.functions[edge.function].key.name + "` (" +
                     profile::formatCost(edge.cumulativeTime, profile.unit);
  if (profile.hasCallCounts) text += " in " + callsText(edge.calls);
  return text + ")";
}

// "Called by: `a` (...), `b` (...) and 2 more." for the costliest edges.
std::string edgesText(const Profile& profile, const char* heading, std::vector<CallEdge> edges) {
  constexpr size_t kShown = 3;
  std::stable_sort(edges.begin(), edges.end(), [](const CallEdge& a, const CallEdge& b) {
    return a.cumulativeTime > b.cumulativeTime;
  });
  std::string text = heading;
  size_t shown = std::min(kShown, edges.size());
  for (size_t i = 0; i < shown; ++i) {
    text += i == 0 ? " " : ", ";
    text += edgeText(profile, edges[i]);
  }
  if (edges.size() > shown) text += " and " + std::to_string(edges.size() - shown) + " more";
  return text + ".";
}

protocol::DiagnosticSeverity raised(protocol::DiagnosticSeverity severity) {
  switch (severity) {
    case protocol::DiagnosticSeverity::Hint: return protocol::DiagnosticSeverity::Information;
    case protocol::DiagnosticSeverity::Information: return protocol::DiagnosticSeverity::Warning;
    case protocol::DiagnosticSeverity::Warning:
    case protocol::DiagnosticSeverity::Error: break;
  }
  return protocol::DiagnosticSeverity::Error;
}

}  // namespace

std::string formatShare(double share) {
  double percent = share * 100;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, percent >= 9.95 ? "%.0f%%" : "%.1f%%", percent);
  return buffer;
}

std::string formatCount(uint64_t count) {
  std::string digits = std::to_string(count);
  std::string text;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return text;
}

std::string codeLensTitle(const Profile& profile, const ProfiledFunction& function) {
  std::string title = "⏱ " + profile::formatCost(function.cumulativeTime, profile.unit) + " total";
  if (profile.format != profile::ProfileFormat::LineProfiler) {
    title += " · " + profile::formatCost(function.ownTime, profile.unit) + " own";
  }
  if (profile.hasCallCounts) title += " · " + callsText(function.calls);
  return title + " · " + formatShare(profile.shareOfRun(function.cumulativeTime)) + " of run";
}

std::vector<HotLine> hotLines(const ProfiledFunction& function) {
  std::vector<HotLine> lines;
  if (function.cumulativeTime <= 0) return lines;
  for (const profile::LineCost& cost : function.lines) {
    double share = cost.time / function.cumulativeTime;
    if (share >= kHotLineShare) lines.push_back({cost.line, share});
  }
  return lines;
}

std::string hotLineLabel(const HotLine& line) {
  return formatShare(line.share) + " time";
}

std::string profileHover(const Profile& profile, size_t function) {
  const ProfiledFunction& measured = profile.functions[function];
  std::string text = "**Measured** (" + std::string(profile::formatName(profile.format)) + "): `" +
                     measured.key.name + "` took " +
                     profile::formatCost(measured.cumulativeTime, profile.unit) + " in all";
  if (profile.format != profile::ProfileFormat::LineProfiler) {
    text += ", " + profile::formatCost(measured.ownTime, profile.unit) + " in its own code";
  }
  if (profile.hasCallCounts) text += ", over " + callsText(measured.calls);
  text += ": " + formatShare(profile.shareOfRun(measured.cumulativeTime)) + " of the run.";
  if (!measured.callers.empty())
    text += "\n\n" + edgesText(profile, "Called by:", measured.callers);
  if (!measured.callees.empty()) text += "\n\n" + edgesText(profile, "Calls:", measured.callees);
  return text;
}

void applyMeasuredCost(protocol::Diagnostic& diagnostic, const profile::MeasuredCost& cost,
                       double hotThresholdPercent) {
  if (cost.heat == profile::Heat::Cold) {
    diagnostic.severity = protocol::DiagnosticSeverity::Hint;
    diagnostic.message += " (not run in the profile)";
  } else if (cost.heat == profile::Heat::Measured && cost.share * 100 >= hotThresholdPercent) {
    diagnostic.severity =
        raised(diagnostic.severity.value_or(protocol::DiagnosticSeverity::Information));
    diagnostic.message += " (measured: " + formatShare(cost.share) + " of run time)";
  }
}

}  // namespace perfhint::lsp
