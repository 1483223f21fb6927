// `# noqa` comments: bare (every rule) or with codes (`# noqa: PH201, PH202`) on a line.
#pragma once

#include "analysis/semantic/semantic_model.h"  // comments

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfhint {

class Suppressions {
 public:
  explicit Suppressions(const SemanticModel& model);

  /// Whether a finding of `code` starting on `line` (zero-based) is suppressed.
  bool suppresses(uint32_t line, std::string_view code) const;

 private:
  struct LineSuppression {
    bool all = false;
    std::vector<std::string_view> codes;
  };
  std::unordered_map<uint32_t, LineSuppression> byLine_;
};

/// Parses one comment's text. Returns false when it is not a noqa comment; otherwise `all` is
/// true for a bare noqa and `codes` holds the listed codes.
bool parseNoqa(std::string_view comment, bool& all, std::vector<std::string_view>& codes);

}  // namespace perfhint
