// The interface every rule implements, and the static facts that describe it.
#pragma once

#include "analysis/engine/finding.h"           // what a rule reports
#include "analysis/semantic/semantic_model.h"  // what a rule asks

#include <functional>  // sink
#include <span>        // node kinds
#include <string_view>

namespace perfhint {

/// A runnable before/after pair. Both print the same output; applying the rule's fix to
/// `before` gives exactly `after` (tests check both).
struct RuleExample {
  std::string_view before;
  std::string_view after;
  /// Python run ahead of both when they are executed, and not shown in the docs: what a library
  /// example needs to run on its own (a database in memory, models, sample data). Usually empty.
  std::string_view harness{};
};

/// How `perfhint measure` times a rule's example: after the example's code has run (its output
/// discarded), `setup` builds an input of size `n` and `call` is the expression timed; before and
/// after must give equal results. Empty for rules whose cost cannot be shown by a call.
struct RuleMeasure {
  std::string_view setup{};  ///< Python statements; `n` is bound to the input size
  std::string_view call{};   ///< one Python expression
};

/// Whether a rule offers fixes.
enum class FixAvailability : uint8_t { None, Sometimes, Always };

/// What a rule is, written once and shown by hover, `perfhint rule` and docs/rules.md.
struct RuleInfo {
  std::string_view code;     ///< "PH201"
  std::string_view name;     ///< kebab-case name of the bad pattern: "string-concat-in-loop"
  std::string_view summary;  ///< one line: what is flagged
  Severity severity;         ///< default severity (raised when loops nest, see Analyzer)
  FixAvailability fix;
  std::string_view whySlow;     ///< markdown: why it costs time, with figures we measured
  std::string_view useInstead;  ///< markdown: the fast form
  RuleExample example;
  std::string_view fixSafety;  ///< markdown: when the fix is safe, when unsafe, when absent
  RuleMeasure measure{};       ///< how to time the example
  /// False for rules whose advice suits only some code bases: they run only when a `select`
  /// (or `extend-select`) pattern names them, as a code, a prefix or `ALL`.
  bool enabledByDefault = true;
};

/// Where a rule reports its findings; the analyzer fills in severity and suppression.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  /// `site` gives the loop depth that multiplies the cost.
  virtual void report(const RuleInfo& rule, const Site& site, ByteRange range, std::string message,
                      std::optional<Fix> fix = std::nullopt) = 0;
};

/// A rule: stateless, shared by all threads.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  /// The node kinds the analyzer hands to check(), each site once, in text order.
  virtual std::span<const NodeKind> kinds() const = 0;
  virtual void check(const Site& site, const SemanticModel& model, FindingSink& sink) const = 0;
};

}  // namespace perfhint
