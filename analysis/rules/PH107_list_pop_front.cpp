// PH107 list-pop-front: `items.pop(0)` or `items.insert(0, x)` repeated in a loop; every call
// shifts all the list's other items, where a `collections.deque` works at its left end in
// constant time.
//
// Flagged (at the call) when the call runs on every pass of a loop, the receiver is a name or an
// attribute chain (`self.queue`) that the loop does not bind again (a list rebuilt on each pass is
// shifted once, not repeatedly), and the receiver is not known to be a deque or a dict (`d.pop(0)`
// removes the key 0). Only the literal index `0` counts. And only where the list can be as long
// as the data: `pop(0)` in `while q:` (or `while len(q):`) where the loop also appends to `q` (a
// work queue) or `q` was built from data (`list(items)`, a comprehension, `sorted(...)`);
// `insert(0, x)` as a statement of its own in a `for` loop's body, once per item, unless the loop
// walks `range(N)` with N below 1000 or the parts of a split string. Short lists shifted a few
// times (argument lists, path parts, trimming blank lines) are left alone, and so are lists held
// by a module (`sys.path`).
// No fix: the list is built elsewhere, and a deque does not slice or sort like a list.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable uses

#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH107",
    .name = "list-pop-front",
    .summary =
        "`list.pop(0)` or `list.insert(0, x)` in a loop moves every other item on each call; "
        "a `collections.deque` adds and removes at its left end in constant time.",
    .severity = Severity::Info,
    .fix = FixAvailability::None,
    .whySlow = R"(
A list keeps its items in one array. Removing the first item with `pop(0)` or adding one in front
with `insert(0, x)` moves every other item one place, so a loop that drains or fills a list this
way does work that grows with the square of its length. A `collections.deque` keeps free room at
both ends: `popleft()` and `appendleft(x)` take the same time whatever its length.
Measured on CPython 3.11: draining 10,000 items with `pop(0)` takes 18 ms against 0.63 ms with
`popleft()`; 100,000 items take 3.9 s against 12 ms.
)",
    .useInstead = R"(
`queue = collections.deque(items)`, then `queue.popleft()` and `queue.appendleft(x)`. A deque
also has `append`, `pop`, `extend` and `len`; it indexes in linear time towards its middle and
does not slice.
)",
    .example = {.before = R"(
def drain(items):
    queue = list(items)
    order = []
    while queue:
        order.append(queue.pop(0))
    return order

print(drain(range(5)))
)",
                .after = R"(
from collections import deque

def drain(items):
    queue = deque(items)
    order = []
    while queue:
        order.append(queue.popleft())
    return order

print(drain(range(5)))
)"},
    .fixSafety = R"(
No fix: the list is created elsewhere, and code that slices, sorts or indexes it in the middle
needs more changes than the call.
)",
    .measure = {.setup = "items = range(n)", .call = "drain(items)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

std::vector<TSNode> argumentsOf(TSNode call) {
  std::vector<TSNode> arguments;
  forEachNamedChild(childByField(call, "arguments"), [&](TSNode argument) {
    if (nodeType(argument) != "comment") arguments.push_back(argument);
  });
  return arguments;
}

bool isZero(TSNode node, const Document& document) {
  return nodeType(node) == "integer" && document.text(node) == "0";
}

// The name at the root of an attribute chain (`self` in `self.queue`), or null.
TSNode rootName(TSNode receiver) {
  while (nodeType(receiver) == "attribute") receiver = childByField(receiver, "object");
  return nodeType(receiver) == "identifier" ? receiver : TSNode{};
}

// Whether the loop assigns to the receiver: a list made anew on each pass.
bool rebindsInLoop(TSNode receiver, TSNode loop, const Document& document) {
  if (nodeType(receiver) == "identifier") {
    for (TSNode use : variablesNamed(loop, document.text(), document.text(receiver), false)) {
      if (isBindingOccurrence(use)) return true;
    }
    return false;
  }
  // An attribute chain: look for `self.queue = ...` with the same text.
  bool assigned = false;
  std::vector<TSNode> pending{loop};
  while (!pending.empty() && !assigned) {
    TSNode node = pending.back();
    pending.pop_back();
    if (nodeType(node) == "assignment" &&
        document.text(childByField(node, "left")) == document.text(receiver)) {
      assigned = true;
    }
    forEachNamedChild(node, [&](TSNode child) { pending.push_back(child); });
  }
  return assigned;
}

// Whether the receiver is a name last bound to something that is no list: a deque or a dict.
bool knownNotList(TSNode receiver, const Site& site, const SemanticModel& model) {
  if (nodeType(receiver) != "identifier") return false;
  const Binding* binding = model.bindingBefore(model.document().text(receiver), site.function,
                                               ts_node_start_byte(receiver));
  if (!binding) return false;
  if (binding->shape == ValueShape::EmptyDict || binding->shape == ValueShape::DictDisplay) {
    return true;
  }
  if (binding->shape == ValueShape::Other) {
    return nodeType(binding->value) == "dictionary_comprehension";
  }
  return binding->shape == ValueShape::Call &&
         (binding->callee.ends_with("deque") || binding->callee.ends_with("dict") ||
          binding->callee.ends_with("OrderedDict"));
}

// Whether the loop also appends to the receiver: a work queue that `pop(0)` keeps draining.
bool appendsToReceiver(TSNode receiver, TSNode loop, const Document& document) {
  std::string_view target = document.text(receiver);
  bool adds = false;
  std::vector<TSNode> pending{loop};
  while (!pending.empty() && !adds) {
    TSNode node = pending.back();
    pending.pop_back();
    std::string_view type = nodeType(node);
    if (type == "call") {
      TSNode callee = childByField(node, "function");
      if (nodeType(callee) == "attribute" &&
          document.text(childByField(callee, "object")) == target) {
        std::string_view method = document.text(childByField(callee, "attribute"));
        adds = method == "append" || method == "extend";
      }
    } else if (type == "augmented_assignment") {
      adds = document.text(childByField(node, "left")) == target;
    }
    forEachNamedChild(node, [&](TSNode child) { pending.push_back(child); });
  }
  return adds;
}

// Whether a `while` loop's condition tests the receiver: the loop runs until the list is empty.
bool whileReceiverLasts(TSNode receiver, const LoopInfo& loop, const Document& document) {
  if (loop.kind != NodeKind::WhileStatement) return false;
  std::string_view condition = document.text(childByField(loop.node, "condition"));
  std::string_view target = document.text(receiver);
  return condition == target || condition == "len(" + std::string(target) + ")" ||
         condition == "len(" + std::string(target) + ") > 0";
}

// Whether the receiver is a name bound before the loop to a list built from data
// (`list(items)`, a comprehension, `sorted(...)`), as long as the data.
bool holdsDataList(TSNode receiver, const LoopInfo& loop, const Site& site,
                   const SemanticModel& model) {
  if (nodeType(receiver) != "identifier") return false;
  const Binding* binding = model.bindingBefore(model.document().text(receiver), site.function,
                                               ts_node_start_byte(loop.node));
  if (!binding) return false;
  return binding->shape == ValueShape::ListComprehension ||
         (binding->shape == ValueShape::Call &&
          (binding->callee == "list" || binding->callee == "sorted"));
}

// Whether the loop walks few items: `range(N)` with a small literal N, or the parts of a split
// string (`for part in path.split("/")`, or a name bound to one).
bool walksFewItems(const LoopInfo& loop, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  TSNode iterable = childByField(loop.node, "right");
  if (nodeType(iterable) == "identifier") {
    const Binding* binding =
        model.bindingBefore(document.text(iterable), site.function, ts_node_start_byte(loop.node));
    if (binding && binding->shape == ValueShape::Call) iterable = binding->value;
  }
  if (nodeType(iterable) != "call") return false;
  TSNode callee = childByField(iterable, "function");
  if (nodeType(callee) == "attribute") {
    std::string_view method = document.text(childByField(callee, "attribute"));
    return method == "split" || method == "rsplit";
  }
  if (document.text(callee) != "range") return false;
  std::vector<TSNode> bounds = argumentsOf(iterable);
  if (bounds.size() != 1 || nodeType(bounds[0]) != "integer") return false;
  std::string_view digits = document.text(bounds[0]);
  return digits.size() < 4;
}

// Whether `insert(0, x)` is a statement of its own directly in a `for` loop's body, so it runs
// once per item of data that may be long.
bool insertsOncePerItem(TSNode call, const LoopInfo& loop, const Site& site,
                        const SemanticModel& model) {
  if (loop.kind != NodeKind::ForStatement || walksFewItems(loop, site, model)) return false;
  TSNode statement = syntax::parentOf(call);
  return nodeType(statement) == "expression_statement" &&
         ts_node_eq(syntax::parentOf(statement), childByField(loop.node, "body"));
}

class ListPopFront final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    const Document& document = model.document();
    TSNode callee = childByField(site.node, "function");
    if (nodeType(callee) != "attribute") return;
    std::string_view method = document.text(childByField(callee, "attribute"));
    std::vector<TSNode> arguments = argumentsOf(site.node);
    bool popFront = method == "pop" && arguments.size() == 1 && isZero(arguments[0], document);
    bool insertFront =
        method == "insert" && arguments.size() == 2 && isZero(arguments[0], document) &&
        nodeType(arguments[1]) != "keyword_argument" && nodeType(arguments[1]) != "list_splat";
    if (!popFront && !insertFront) return;

    TSNode receiver = childByField(callee, "object");
    TSNode root = rootName(receiver);
    // `sys.path.insert(0, ...)`: a list owned by a module, which has to stay a list.
    if (ts_node_is_null(root) || model.resolveImport(document.text(root), site.function)) return;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    if (rebindsInLoop(receiver, loop.node, document) || knownNotList(receiver, site, model)) {
      return;
    }
    // Only where the list can grow with the data; short argument and path lists cost nothing.
    bool large = popFront ? whileReceiverLasts(receiver, loop, document) &&
                                (appendsToReceiver(receiver, loop.node, document) ||
                                 holdsDataList(receiver, loop, site, model))
                          : insertsOncePerItem(site.node, loop, site, model);
    if (!large) return;
    std::string message = "`";
    message += document.text(receiver);
    message += popFront ? ".pop(0)` moves every remaining item on each call; use a "
                          "`collections.deque` and `popleft()`"
                        : ".insert(0, ...)` moves every item on each call; use a "
                          "`collections.deque` and `appendleft()`";
    sink.report(kInfo, site, rangeOf(site.node), std::move(message));
  }
};

}  // namespace

const Rule& ph107ListPopFront() {
  static const ListPopFront rule;
  return rule;
}

}  // namespace perfhint
