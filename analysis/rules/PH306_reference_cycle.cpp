// PH306 reference-cycle: a method that makes two objects refer to each other (a child that
// stores its parent while the parent stores the child), in a class created in a loop.
//
// Objects in a reference cycle are not freed when the last outside reference goes away; they
// wait for the cyclic garbage collector. The rule looks inside one method of a class for a
// variable `other` (a parameter or a local) such that the method both stores `self` into
// `other` (`other.parent = self`, `other.owners.append(self)`, `other.map[k] = self`) and stores
// `other` into `self` (`self.children.append(other)`, `self.child = other`). The class must be
// created inside a loop somewhere in the module, and the module must not use `weakref` already.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/class_instantiation.h"  // classes instantiated in loops
#include "analysis/syntax/node_queries.h"                // variable occurrences

#include <algorithm>  // find, lower_bound, sort

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH306",
    .name = "reference-cycle",
    .summary =
        "Method links two objects both ways (the child stores its parent, the parent stores "
        "the child) in a class created in a loop; the pairs are freed only by the cyclic "
        "garbage collector.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
CPython frees an object as soon as its reference count drops to zero. Objects that refer to
each other never reach zero on their own: they stay in memory until the cyclic garbage
collector runs, and every collection has to walk them. Measured on CPython 3.11, building and
dropping 10,000 trees of one parent and 10 children: with `child.parent = self` 16 MiB stay
allocated until the collector runs (tracemalloc, collector paused), against none with a weak back
reference. With the collector running, the time of the loop differed by less than the noise of
our machine: the cost is memory held longer and longer collections in big programs.
Only flagged for classes created inside a loop; a handful of long-lived objects costs nothing.
)",
    .useInstead = R"(
Keep the back reference weak: `self._parent = weakref.ref(parent)` with a property that calls it,
or a `weakref.WeakSet` / `WeakValueDictionary` for the collection that points back. Or drop
the back reference and pass the parent where it is needed.
)",
    .example = {.before = R"(
class Node:
    def __init__(self, name):
        self.name = name
        self.parent = None
        self.children = []

    def add(self, child):
        child.parent = self
        self.children.append(child)


roots = []
for i in range(3):
    root = Node(i)
    root.add(Node(i * 10))
    roots.append(root)
print([r.children[0].parent.name for r in roots])
)",
                .after = R"(
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self._parent = None
        self.children = []

    @property
    def parent(self):
        return self._parent() if self._parent else None

    def add(self, child):
        child._parent = weakref.ref(self)
        self.children.append(child)


roots = []
for i in range(3):
    root = Node(i)
    root.add(Node(i * 10))
    roots.append(root)
print([r.children[0].parent.name for r in roots])
)"},
    .fixSafety = R"(
No fix: a weak reference must be dereferenced where it is read, and the object it points to can
disappear when nothing else holds it, so the change needs a look at every reader.
)",
};

constexpr NodeKind kKinds[] = {NodeKind::FunctionDefinition};

// The assignments and calls under `body`, in the order a walk of the tree meets them. The model
// lists each kind in that order already: this costs a search instead of a walk of the body.
std::vector<TSNode> assignmentsAndCallsIn(TSNode body, const SemanticModel& model) {
  std::vector<TSNode> nodes;
  ByteRange range = rangeOf(body);
  for (NodeKind kind : {NodeKind::Assignment, NodeKind::Call}) {
    const std::vector<Site>& sites = model.sites(kind);
    auto site = std::lower_bound(
        sites.begin(), sites.end(), range.start,
        [](const Site& entry, uint32_t offset) { return ts_node_start_byte(entry.node) < offset; });
    for (; site != sites.end() && ts_node_start_byte(site->node) < range.end; ++site) {
      if (range.contains(rangeOf(site->node))) nodes.push_back(site->node);
    }
  }
  // Of two nodes that start together, the outer one comes first.
  std::sort(nodes.begin(), nodes.end(), [](TSNode a, TSNode b) {
    if (ts_node_start_byte(a) != ts_node_start_byte(b)) {
      return ts_node_start_byte(a) < ts_node_start_byte(b);
    }
    return ts_node_end_byte(a) > ts_node_end_byte(b);
  });
  return nodes;
}

// The variable at the root of an attribute chain `a.b.c`, or a null node.
TSNode rootName(TSNode expression) {
  while (nodeType(expression) == "attribute" || nodeType(expression) == "subscript") {
    expression = childByField(expression, nodeType(expression) == "attribute" ? "object" : "value");
  }
  return nodeType(expression) == "identifier" ? expression : TSNode{};
}

// One store of a value into an object: `holder.x = value`, `holder.x[k] = value`,
// `holder.xs.append(value)` or `.add(value)`.
struct Store {
  std::string_view holder;
  std::string_view value;
};

std::vector<Store> storesIn(TSNode body, const SemanticModel& model) {
  const Document& document = model.document();
  std::vector<Store> stores;
  for (TSNode node : assignmentsAndCallsIn(body, model)) {
    std::string_view type = nodeType(node);
    TSNode target{}, value{};
    if (type == "assignment") {
      target = childByField(node, "left");
      std::string_view targetType = nodeType(target);
      if (targetType != "attribute" && targetType != "subscript") continue;
      value = childByField(node, "right");
    } else if (type == "call") {
      // The callee's shape first: most calls are not `.append` or `.add`.
      TSNode callee = childByField(node, "function");
      if (nodeType(callee) != "attribute") continue;
      std::string_view method = document.text(childByField(callee, "attribute"));
      if (method != "append" && method != "add") continue;
      TSNode arguments = childByField(node, "arguments");
      if (ts_node_named_child_count(arguments) != 1) continue;
      target = childByField(callee, "object");
      value = ts_node_named_child(arguments, 0);
    }
    TSNode holder = rootName(target);
    if (ts_node_is_null(holder) || nodeType(value) != "identifier") continue;
    stores.push_back({document.text(holder), document.text(value)});
  }
  return stores;
}

bool hasStore(const std::vector<Store>& stores, std::string_view holder, std::string_view value) {
  return std::any_of(stores.begin(), stores.end(), [&](const Store& store) {
    return store.holder == holder && store.value == value;
  });
}

class ReferenceCycle final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode definition = site.node;
    TSNode container = syntax::parentOf(definition);
    if (nodeType(container) == "decorated_definition") container = syntax::parentOf(container);
    if (nodeType(container) != "block") return;
    TSNode classNode = syntax::parentOf(container);
    if (nodeType(classNode) != "class_definition") return;
    const Document& document = model.document();
    TSNode parameters = childByField(definition, "parameters");
    if (ts_node_named_child_count(parameters) == 0) return;
    TSNode first = ts_node_named_child(parameters, 0);
    if (nodeType(first) != "identifier") return;
    std::string_view self = document.text(first);

    // A cycle needs `self` stored: as the value of an assignment or the one argument of a call.
    // Most methods never do that, and its uses tell so without a look at every store.
    TSNode body = childByField(definition, "body");
    bool mayStoreSelf = false;
    for (TSNode use : variablesNamed(body, document.text(), self, true)) {
      std::string_view holder = nodeType(syntax::parentOf(use));
      mayStoreSelf = mayStoreSelf || holder == "assignment" || holder == "argument_list";
    }
    if (!mayStoreSelf) return;

    std::vector<Store> stores = storesIn(body, model);
    std::string_view partner;
    for (const Store& store : stores) {
      if (store.value == self && store.holder != self && hasStore(stores, self, store.holder)) {
        partner = store.holder;
        break;
      }
    }
    // Searching the whole module's text costs more than the method's stores, which rule out
    // most methods: it comes after them.
    if (partner.empty() || document.text().find("weakref") != std::string::npos) return;
    std::string_view className = document.text(childByField(classNode, "name"));
    if (!isCreatedInLoop(className, model)) return;
    sink.report(kInfo, site, rangeOf(childByField(definition, "name")),
                std::string("`").append(self).append("` and `").append(partner).append(
                    "` store references to each other, so they are freed only by the "
                    "cyclic garbage collector; make the back reference a `weakref`"));
  }
};

}  // namespace

const Rule& ph306ReferenceCycle() {
  static const ReferenceCycle rule;
  return rule;
}

}  // namespace perfhint
