// PH501 stdlib-json-in-hot-path: `json.dumps` or `json.loads` on every pass of a loop or
// comprehension, where the stdlib codec's cost per call adds up.
//
// The call must encode or decode the loop's own item (its argument names the loop target): one
// document per item is what batching or a faster codec saves on. A call on something fetched
// in the loop (a page of an API) waits on the fetch far longer than on JSON. Loops over a list
// or tuple written out in the code, or over `range(N)` with a small literal N, are left alone:
// they turn a handful of times. Only loops are flagged: request handlers are hot too, but nothing
// in the syntax tells a handler reliably (every framework registers them its own way).
#include "analysis/rules/rule.h"

#include "analysis/rules/support/loop_item.h"       // the loop's own item, short loops
#include "analysis/rules/support/name_rebinding.h"  // a module name bound locally
#include "analysis/syntax/node_queries.h"           // deferred code

namespace perfhint {
namespace {

using syntax::childByField;

constexpr RuleInfo kInfo{
    .code = "PH501",
    .name = "stdlib-json-in-hot-path",
    .summary =
        "`json.dumps`/`json.loads` on every pass of a loop; batching the documents, reusing an "
        "encoder, or a faster JSON library (orjson) saves the cost per call.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
Each `json.dumps` or `json.loads` call has a fixed cost besides the work on the data: the call
and its argument checks, and a new encoder or decoder object whenever an option is passed. On
many small documents that cost dominates. Measured on CPython 3.11 with 1,000 small dicts:
`json.dumps` of each took 7.4-8.1 ms in all, `json.dumps` of the list once 3.5 ms; with an
option such as `sort_keys=True`, `json.dumps` builds a new encoder on every call (9.7-10.8 ms)
where a `json.JSONEncoder(sort_keys=True)` made once and its `.encode` took 7.7-8.4 ms;
`json.loads` of each of the 1,000 documents took 5.5-6.4 ms, of one array holding them 1.6-1.7
ms. orjson, a third-party codec written in Rust, is made to cut this cost; it is not installed
where we measured, so we give no figure for it. Flagged are calls in loops and comprehensions
whose argument uses the loop's item (request handlers cannot be told apart reliably), except
loops over a list or tuple written out in the code or over `range(N)` with N below 100.
)",
    .useInstead = R"(
- Encode or decode the whole batch in one call when the format allows it (one JSON array
  instead of one document per item).
- With options, build the encoder once: `encode = json.JSONEncoder(sort_keys=True).encode`.
- Where the codec dominates, `orjson.dumps`/`orjson.loads`: a third-party dependency that
  returns `bytes` rather than `str`, takes options as flags (`option=orjson.OPT_SORT_KEYS`),
  has no `indent` other than 2 spaces, and serialises some types (dataclasses, datetimes) that
  the stdlib rejects.
)",
    .example = {.before = R"(
import json


def encode(rows):
    lines = [json.dumps(row) for row in rows]
    return "[" + ", ".join(lines) + "]"


rows = [{"id": i, "name": "item%d" % i} for i in range(100)]
print(len(encode(rows)))
)",
                .after = R"(
import json


def encode(rows):
    return json.dumps(rows)


rows = [{"id": i, "name": "item%d" % i} for i in range(100)]
print(len(encode(rows)))
)"},
    .fixSafety = R"(
No fix: whether documents can be batched depends on the format the other side expects, and
orjson is a new dependency whose output type (`bytes`) and options differ from the stdlib's.
)",
    .measure = {.setup = R"(rows = [{"id": i, "name": "item%d" % i} for i in range(n)])",
                .call = "encode(rows)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

class StdlibJsonInHotPath final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    TSNode call = site.node;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    const Document& document = model.document();
    if (inDeferredCode(call, loop.node) || runsFewTimes(loop.node, document) ||
        !usesLoopItem(childByField(call, "arguments"), loop, document)) {
      return;
    }
    TSNode callee = childByField(call, "function");
    std::string name = model.qualifiedName(callee, site.function);
    if ((name != "json.dumps" && name != "json.loads") || rootShadowedLocally(callee, site, model))
      return;
    sink.report(kInfo, site, rangeOf(call),
                "`" + name +
                    "` on every pass of a loop; encode or decode the batch in one call, reuse "
                    "an encoder, or use a faster library such as orjson");
  }
};

}  // namespace

const Rule& ph501StdlibJsonInHotPath() {
  static const StdlibJsonInHotPath rule;
  return rule;
}

}  // namespace perfhint
