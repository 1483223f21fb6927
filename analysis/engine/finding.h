// A finding: one slow idiom at one place, with the rule that found it and an optional fix.
#pragma once

#include "analysis/fix/fix.h"            // optional fix
#include "analysis/syntax/byte_range.h"  // where

#include <cstdint>
#include <optional>
#include <string>

namespace perfhint {

enum class Severity : uint8_t { Error, Warning, Info, Hint };

struct RuleInfo;

struct Finding {
  const RuleInfo* rule = nullptr;
  ByteRange range;
  std::string message;
  Severity severity = Severity::Warning;
  uint16_t loopDepth = 0;  ///< loops nested around the finding, which multiply its cost
  std::optional<Fix> fix;
};

}  // namespace perfhint
