// PH706 deepcopy-in-loop: `copy.deepcopy(template)` called on every pass of a loop, copying the
// same value each time.
//
// deepcopy is a generic, recursive walk written in Python; a copy built for the known shape of
// the data, or a shallow copy when only the top level changes, is many times faster. Only copies
// of a value that stays the same through the loop are flagged (a template stamped out once per
// item): copying each item of a collection of objects usually needs deepcopy's full semantics,
// and the calls that `__deepcopy__` methods make with a memo are the recursion itself. Whether a
// cheaper copy keeps the meaning depends on what the loop changes, so this is a hint.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/name_rebinding.h"  // a module name bound locally
#include "analysis/syntax/node_queries.h"           // binding occurrences

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH706",
    .name = "deepcopy-in-loop",
    .summary =
        "`copy.deepcopy()` of the same value on every pass of a loop; a shallow copy or a copy "
        "built for the data's shape is many times faster.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
`copy.deepcopy` walks the whole object graph in Python code: for every object it looks up a
copier by type, records the copy in a memo dict (so shared and cyclic references stay shared),
and recurses into every item and attribute. Measured on CPython 3.11 on a busy machine (read
the ratios; ranges over repeated runs):

| value | `copy.deepcopy` | hand-written copy |
|---|---|---|
| `{"a": 1, "b": [1, 2, 3], "c": {"x": "y"}}` | 24–36 µs | 2.0–2.6 µs (`{**d, "b": list(d["b"]), "c": dict(d["c"])}`) |
| 100 pairs `[i, str(i)]` | 640–980 µs | 42–50 µs (`[list(p) for p in rows]`) |

A shallow `dict(d)` of the small dict takes 0.5–0.6 µs. In a loop the difference is paid on
every pass.
)",
    .useInstead = R"(
Copy only what the loop changes: `dict(d)` / `d.copy()` / `list(xs)` when only the top level is
modified, a comprehension that copies the known nested levels (`[list(row) for row in grid]`), or
build a fresh value from a function instead of copying a template. When the copied value does not
change between passes and is never modified, no copy is needed at all.
)",
    .example = {.before = R"(
import copy

TEMPLATE = {"name": "", "tags": []}


def records(names):
    result = []
    for name in names:
        record = copy.deepcopy(TEMPLATE)
        record["name"] = name
        record["tags"].append(name[0])
        result.append(record)
    return result


print(records(["ann", "bob"]))
)",
                .after = R"(
import copy

TEMPLATE = {"name": "", "tags": []}


def records(names):
    result = []
    for name in names:
        record = {**TEMPLATE, "tags": list(TEMPLATE["tags"])}
        record["name"] = name
        record["tags"].append(name[0])
        result.append(record)
    return result


print(records(["ann", "bob"]))
)"},
    .fixSafety = R"(
No fix: a cheaper copy is only right when it copies every level the loop goes on to modify, and
objects with `__deepcopy__` or shared references inside may rely on deepcopy's behaviour.
)",
    .measure = {.setup = "names = [\"n%d\" % i for i in range(n)]", .call = "records(names)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// Whether every variable in `node` keeps its value through the loop, so that each pass copies
// the same object: no name in it is bound anywhere in the loop (targets included).
bool sameValueEveryPass(TSNode node, const LoopInfo& loop, const SemanticModel& model) {
  std::string_view type = nodeType(node);
  if (type == "attribute") return sameValueEveryPass(childByField(node, "object"), loop, model);
  if (type != "identifier") return false;
  const Document& document = model.document();
  for (TSNode occurrence : variablesNamed(loop.node, document.text(), document.text(node), false)) {
    if (isBindingOccurrence(occurrence)) return false;
  }
  return true;
}

// Whether the call runs in a `__deepcopy__` method, where copying each part is the job.
bool inDeepcopyMethod(const Site& site, const SemanticModel& model) {
  return site.function != kModuleScope &&
         model.functions()[static_cast<size_t>(site.function)].name == "__deepcopy__";
}

class DeepcopyInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    TSNode call = site.node;
    TSNode callee = childByField(call, "function");
    if (model.qualifiedName(callee, site.function) != "copy.deepcopy" ||
        rootShadowedLocally(callee, site, model) || inDeepcopyMethod(site, model)) {
      return;
    }
    // One argument, the copied value: a memo argument means a `__deepcopy__` recursion.
    TSNode arguments = childByField(call, "arguments");
    if (ts_node_named_child_count(arguments) != 1) return;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    if (!sameValueEveryPass(ts_node_named_child(arguments, 0), loop, model)) return;
    sink.report(kInfo, site, rangeOf(call),
                "`copy.deepcopy()` of the same value on every pass of a loop walks all of it each "
                "time; copy only the levels the loop changes");
  }
};

}  // namespace

const Rule& ph706DeepcopyInLoop() {
  static const DeepcopyInLoop rule;
  return rule;
}

}  // namespace perfhint
