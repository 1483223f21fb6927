// PH303 unbounded-cache: a cache that only grows.
//
// Two shapes are flagged. A module-level dict used as a memo (a function looks a key up in it
// and stores the same key) that nothing in the module ever empties, shrinks or measures, fed
// with loop data; and `functools.cache` or `lru_cache(maxsize=None)` on a method of a class
// created in a loop, whose cache holds every `self` it was called with. Both are hints: whether
// the keys are unbounded depends on the data. A list used as a cache is not recognised: an
// append-only module-level list is far more often a registry than a cache.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/class_instantiation.h"  // classes instantiated in loops
#include "analysis/syntax/node_queries.h"                // variable occurrences

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH303",
    .name = "unbounded-cache",
    .summary =
        "Module-level dict used as a memo that is never emptied or bounded, or an unbounded "
        "`functools.cache` on a method; memory grows with every new key.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
A cache that nothing ever evicts holds every key and value it has seen for the life of the
process. With keys that come from data (requests, file names, user input) it grows without
limit: the process uses more memory, the garbage collector has more objects to walk on each full
collection, and eventually it swaps or is killed. A `functools.cache` or
`lru_cache(maxsize=None)` on a method is a special case: `self` is part of every key, so the
cache keeps every instance it has seen alive, with everything the instance refers to. Measured
on CPython 3.11: after calling a cached method once on each of 10,000 new instances, all 10,000
instances are still alive after `gc.collect()`; without the cache none are.

Flagged are a module-level dict that a module-level function looks a key up in, stores the same
key into and returns the value of, that nothing in the module clears, shrinks, measures or
rebinds, and whose function the module calls in a loop with the loop's variable in its arguments
(a new key per iteration); and an unbounded cache on a method of a class that the module creates
in a loop, in a module that never calls `cache_clear`. Caches keyed by a small fixed set of
values are fine and are not flagged.
)",
    .useInstead = R"(
`functools.lru_cache(maxsize=N)` on a function evicts the least recently used entries once it
holds N. For a method, cache per instance (`functools.cached_property`, or a dict attribute on
`self`), or cache a module-level function that takes only the values it needs.
)",
    .example = {.before = R"(
_squares = {}


def square(n):
    if n in _squares:
        return _squares[n]
    result = n * n
    _squares[n] = result
    return result


print(sum(square(i % 10) for i in range(100)))
)",
                .after = R"(
import functools


@functools.lru_cache(maxsize=1024)
def square(n):
    return n * n


print(sum(square(i % 10) for i in range(100)))
)"},
    .fixSafety = R"(
No fix: the right bound depends on how many distinct keys the program sees and how much each
entry costs, and a method cache has to move to the instance.
)",
    .measure = {.call = "sum(square(i % 10) for i in range(n))"},
};

constexpr NodeKind kKinds[] = {NodeKind::Assignment, NodeKind::FunctionDefinition};

bool isField(TSNode parent, std::string_view field, TSNode child) {
  return ts_node_eq(childByField(parent, field), child);
}

// Whether the module binds `name` exactly once, at top level, to an empty dict.
bool isModuleEmptyDict(std::string_view name, const SemanticModel& model) {
  const Binding* found = nullptr;
  size_t count = 0;
  for (const Binding& binding : model.bindings()) {
    if (binding.function != kModuleScope || binding.name != name) continue;
    found = &binding;
    ++count;
  }
  if (count != 1 || nodeType(syntax::parentOf(found->statement)) != "module") return false;
  if (found->shape == ValueShape::EmptyDict) return true;
  return found->shape == ValueShape::Call && found->callee == "dict" &&
         ts_node_named_child_count(childByField(found->value, "arguments")) == 0;
}

// How code uses the module's dict `name`: each use must be a plain lookup, membership test,
// `.get`, `.setdefault` or store; anything else (clear, pop, del, len, passing it on,
// rebinding) may bound it, and the dict is left alone.
struct CacheUses {
  bool onlyGrows = true;
  std::vector<TSNode> stores;   ///< subscript targets `name[key] = ...`
  std::vector<TSNode> lookups;  ///< keys looked up: `name[key]`, `key in name`, `name.get(key)`
  std::vector<TSNode> reads;    ///< the expressions that read a value: `name[key]`, `.get(key)`
};

CacheUses usesOf(std::string_view name, const Document& document) {
  CacheUses uses;
  for (TSNode use : referencesToVariable(document.root(), document.text(), name)) {
    TSNode parent = syntax::parentOf(use);
    std::string_view type = nodeType(parent);
    if (isBindingOccurrence(use)) {
      // The one module-level binding is expected; any other is a reset or a shadow.
      TSNode owner = syntax::parentOf(parent);
      if (!(type == "assignment" && nodeType(owner) == "expression_statement" &&
            nodeType(syntax::parentOf(owner)) == "module")) {
        uses.onlyGrows = false;
      }
      continue;
    }
    if (type == "subscript" && isField(parent, "value", use)) {
      TSNode key = childByField(parent, "subscript");
      TSNode above = syntax::parentOf(parent);
      if (nodeType(above) == "delete_statement" || nodeType(above) == "expression_list") {
        uses.onlyGrows = false;
      } else if ((nodeType(above) == "assignment") && isField(above, "left", parent)) {
        uses.stores.push_back(parent);
      } else if (nodeType(above) == "augmented_assignment" && isField(above, "left", parent)) {
        // `name[key] += 1` counts, it does not cache.
        uses.onlyGrows = false;
      } else {
        uses.lookups.push_back(key);
        uses.reads.push_back(parent);
      }
      continue;
    }
    if (type == "comparison_operator" && ts_node_named_child_count(parent) == 2 &&
        ts_node_eq(ts_node_named_child(parent, 1), use)) {
      uses.lookups.push_back(ts_node_named_child(parent, 0));
      continue;
    }
    if (type == "attribute" && isField(parent, "object", use)) {
      std::string_view method = document.text(childByField(parent, "attribute"));
      TSNode call = syntax::parentOf(parent);
      if (nodeType(call) == "call" && (method == "get" || method == "setdefault")) {
        TSNode arguments = childByField(call, "arguments");
        if (ts_node_named_child_count(arguments) > 0) {
          uses.lookups.push_back(ts_node_named_child(arguments, 0));
          uses.reads.push_back(call);
        }
        if (method == "setdefault") uses.stores.push_back(call);
        continue;
      }
    }
    uses.onlyGrows = false;
  }
  return uses;
}

bool isWithin(TSNode outer, TSNode inner) {
  return ts_node_start_byte(outer) <= ts_node_start_byte(inner) &&
         ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

// Whether the value `read` produces is what its function returns: `return cache[key]`, or
// `value = cache.get(key)` and later `return value`.
bool isReturned(TSNode read, TSNode function, const Document& document) {
  TSNode parent = syntax::parentOf(read);
  for (TSNode at = parent; !ts_node_is_null(at) && !ts_node_eq(at, function);
       at = syntax::parentOf(at)) {
    if (nodeType(at) == "return_statement") return true;
  }
  if (nodeType(parent) != "assignment" || !isField(parent, "right", read)) return false;
  TSNode target = childByField(parent, "left");
  if (nodeType(target) != "identifier") return false;
  for (TSNode use : variablesNamed(childByField(function, "body"), document.text(),
                                   document.text(target), false)) {
    TSNode above = syntax::parentOf(use);
    if (nodeType(above) == "return_statement" && ts_node_eq(ts_node_named_child(above, 0), use)) {
      return true;
    }
  }
  return false;
}

// The names a loop binds on each iteration: a `for` target, or every `for ... in` target of a
// comprehension.
std::vector<std::string_view> loopTargets(const LoopInfo& loop, const Document& document) {
  std::vector<std::string_view> names;
  auto addNames = [&](TSNode target) {
    forEachNode(target, [&](TSNode node) {
      if (nodeType(node) == "identifier") names.push_back(document.text(node));
    });
  };
  if (loop.kind == NodeKind::ForStatement) {
    addNames(childByField(loop.node, "left"));
  } else {
    forEachNamedChild(loop.node, [&](TSNode clause) {
      if (nodeType(clause) == "for_in_clause") addNames(childByField(clause, "left"));
    });
  }
  return names;
}

// Whether the module calls the function `name` inside a loop with an argument that mentions the
// loop's variable: then its keys come from data, a new one on each iteration.
bool isCalledWithLoopData(std::string_view name, const SemanticModel& model) {
  const Document& document = model.document();
  for (const Site& site : model.sites(NodeKind::Call)) {
    if (site.loop == kNoLoop) continue;
    TSNode callee = childByField(site.node, "function");
    if (nodeType(callee) != "identifier" || document.text(callee) != name) continue;
    std::vector<std::string_view> targets;
    for (int32_t loop = site.loop; loop != kNoLoop;
         loop = model.loops()[static_cast<size_t>(loop)].parent) {
      auto names = loopTargets(model.loops()[static_cast<size_t>(loop)], document);
      targets.insert(targets.end(), names.begin(), names.end());
    }
    bool fromLoop = false;
    forEachNode(childByField(site.node, "arguments"), [&](TSNode node) {
      if (nodeType(node) != "identifier") return;
      for (std::string_view target : targets) fromLoop = fromLoop || document.text(node) == target;
    });
    if (fromLoop) return true;
  }
  return false;
}

// The module-level memo: `cache[key] = value` in a function, where the same function looks the
// same key up first.
void checkStore(const Site& site, const SemanticModel& model, FindingSink& sink) {
  if (site.function == kModuleScope) return;
  TSNode target = childByField(site.node, "left");
  if (nodeType(target) != "subscript") return;
  TSNode dict = childByField(target, "value");
  if (nodeType(dict) != "identifier") return;
  const Document& document = model.document();
  std::string_view name = document.text(dict);
  if (!isModuleEmptyDict(name, model)) return;
  // The name must reach the module's variable: the function does not bind it itself.
  TSNode function = model.functions()[static_cast<size_t>(site.function)].node;
  bool own = false;
  for (TSNode reference : referencesToVariable(document.root(), document.text(), name)) {
    own = own || ts_node_eq(reference, dict);
  }
  if (!own) return;
  CacheUses uses = usesOf(name, document);
  if (!uses.onlyGrows || uses.stores.empty() || !ts_node_eq(uses.stores.front(), target)) return;
  // A memo looks the key up before storing it, in the same function.
  std::string_view key = document.text(childByField(target, "subscript"));
  bool memo = false;
  for (TSNode lookup : uses.lookups) {
    memo = memo || (isWithin(function, lookup) && document.text(lookup) == key &&
                    ts_node_start_byte(lookup) < ts_node_start_byte(target));
  }
  // ... and returns the cached value: a table that is only checked (a registry of settings)
  // is not a cache.
  bool returned = false;
  for (TSNode read : uses.reads) {
    TSNode readKey = nodeType(read) == "subscript"
                         ? childByField(read, "subscript")
                         : ts_node_named_child(childByField(read, "arguments"), 0);
    returned = returned || (isWithin(function, read) && document.text(readKey) == key &&
                            isReturned(read, function, document));
  }
  if (!memo || !returned) return;
  // Keys from a small fixed domain (platform names, flags) cost nothing; flag only caches whose
  // function the module feeds with loop data.
  const FunctionInfo& info = model.functions()[static_cast<size_t>(site.function)];
  if (info.parent != kModuleScope || !isCalledWithLoopData(info.name, model)) return;
  sink.report(kInfo, site, rangeOf(target),
              "Module-level dict `" + std::string(name) +
                  "` caches results but nothing ever removes an entry, so it grows with every "
                  "new key; bound it, for example with `functools.lru_cache(maxsize=...)`");
}

// `@functools.cache` or `@functools.lru_cache(maxsize=None)` on a method.
void checkMethodCache(const Site& site, const SemanticModel& model, FindingSink& sink) {
  TSNode definition = site.node;
  TSNode decorated = syntax::parentOf(definition);
  if (nodeType(decorated) != "decorated_definition") return;
  TSNode block = syntax::parentOf(decorated);
  if (nodeType(block) != "block" || nodeType(syntax::parentOf(block)) != "class_definition") return;
  const Document& document = model.document();
  TSNode parameters = childByField(definition, "parameters");
  if (ts_node_named_child_count(parameters) == 0) return;
  TSNode first = ts_node_named_child(parameters, 0);
  if (nodeType(first) != "identifier" || document.text(first) != "self") return;
  TSNode unbounded{};
  bool staticOrClass = false;
  forEachNamedChild(decorated, [&](TSNode decorator) {
    if (nodeType(decorator) != "decorator") return;
    TSNode expression = ts_node_named_child(decorator, 0);
    std::string_view text = document.text(expression);
    if (text == "staticmethod" || text == "classmethod") staticOrClass = true;
    bool call = nodeType(expression) == "call";
    std::string qualified = model.qualifiedName(
        call ? childByField(expression, "function") : expression, site.function);
    if (qualified == "functools.cache" && !call) unbounded = decorator;
    if (qualified == "functools.lru_cache" && call) {
      TSNode arguments = childByField(expression, "arguments");
      forEachNamedChild(arguments, [&](TSNode argument) {
        TSNode value = argument;
        if (nodeType(argument) == "keyword_argument") {
          if (document.text(childByField(argument, "name")) != "maxsize") return;
          value = childByField(argument, "value");
        } else if (!ts_node_eq(argument, ts_node_named_child(arguments, 0))) {
          return;
        }
        if (nodeType(value) == "none") unbounded = decorator;
      });
    }
  });
  if (ts_node_is_null(unbounded) || staticOrClass) return;
  // One long-lived instance (a registry, a command) costs nothing, and a module that clears the
  // cache manages its size: flag classes the module creates over and over.
  std::string_view className = document.text(childByField(syntax::parentOf(block), "name"));
  if (document.text().find("cache_clear") != std::string::npos ||
      !isCreatedInLoop(className, model)) {
    return;
  }
  sink.report(kInfo, site, rangeOf(unbounded),
              "Unbounded cache on a method keeps every instance it was called on alive; cache "
              "per instance or bound it with `maxsize`");
}

class UnboundedCache final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (nodeKindOf(site.node) == NodeKind::Assignment) {
      checkStore(site, model, sink);
    } else {
      checkMethodCache(site, model, sink);
    }
  }
};

}  // namespace

const Rule& ph303UnboundedCache() {
  static const UnboundedCache rule;
  return rule;
}

}  // namespace perfhint
