#include "profile/profile.h"

#include "profile/profile_error.h"  // ProfileError::describe

#include <algorithm>  // stable_sort
#include <cmath>      // llround
#include <cstdio>     // snprintf
#include <numeric>    // iota
#include <string>

namespace perfhint::profile {

std::vector<size_t> Profile::byOwnTime() const {
  std::vector<size_t> order(functions.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [this](size_t a, size_t b) {
    return functions[a].ownTime > functions[b].ownTime;
  });
  return order;
}

std::string formatCallCounts(const ProfiledFunction& function) {
  if (function.calls == function.primitiveCalls) return std::to_string(function.calls);
  return std::to_string(function.calls) + "/" + std::to_string(function.primitiveCalls);
}

namespace {

// Three significant digits without an exponent: 1.23, 12.3, 123.
std::string threeDigits(double value) {
  int decimals = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

std::string formatCost(double cost, CostUnit unit) {
  if (unit == CostUnit::Samples) {
    long long samples = std::llround(cost);
    return std::to_string(samples) + (samples == 1 ? " sample" : " samples");
  }
  if (cost >= 0.9995) return threeDigits(cost) + " s";
  if (cost >= 0.9995e-3) return threeDigits(cost * 1e3) + " ms";
  return threeDigits(cost * 1e6) + " µs";
}

const char* formatName(ProfileFormat format) {
  switch (format) {
    case ProfileFormat::CProfile: return "cProfile";
    case ProfileFormat::Speedscope: return "speedscope";
    case ProfileFormat::CollapsedStacks: return "collapsed stacks";
    case ProfileFormat::LineProfiler: return "line_profiler";
  }
  return "profile";
}

std::string ProfileError::describe() const {
  switch (position) {
    case Position::Byte: return file + ": byte " + std::to_string(at) + ": " + message;
    case Position::Line: return file + ": line " + std::to_string(at) + ": " + message;
    case Position::None: break;
  }
  return file + ": " + message;
}

}  // namespace perfhint::profile
