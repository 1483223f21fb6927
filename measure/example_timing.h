// Times a rule's before and after examples with a Python interpreter, the timeit way: in a
// subprocess, the best of several repeats of an automatically sized loop.
#pragma once

#include "analysis/rules/rule.h"

#include <string>

namespace perfhint::measure {

struct TimingRequest {
  std::string python = "python3";  ///< the interpreter to run
  long n = 1000;                   ///< input size handed to the rule's setup
  int repeat = 5;                  ///< timeit repeats; the best one counts
};

struct ExampleTiming {
  std::string python;  ///< "CPython 3.11.2", as the interpreter reports itself
  double beforeSeconds = 0;
  double afterSeconds = 0;
  bool sameResult = false;  ///< before and after returned equal results
  std::string error;        ///< set when the timing failed; the figures are then meaningless
};

/// Whether the rule's example has what timing needs (a call to time).
bool isMeasurable(const RuleInfo& rule);

/// Times the rule's example. Never throws: failures come back in `error`.
ExampleTiming timeExample(const RuleInfo& rule, const TimingRequest& request);

}  // namespace perfhint::measure
