// PH305 slots-candidate: a plain class with a fixed set of instance attributes, whose instances
// a loop of the same module creates and collects, that has no `__slots__`.
//
// Only classes that can take `__slots__` without other changes are flagged: defined at module
// level, no base class but `object`, no metaclass, no subclass in the module, no `__slots__`,
// `__dict__`, `setattr`, `vars` or `weakref` in sight, attributes set only on `self` inside its
// own methods, and at least one `ClassName(...)` call repeated by a loop whose result is kept in
// a collection (a comprehension, `.append()`, `d[k] = ...`), so that many instances live at once.
// A `@dataclass` that passes the same checks gets a hint to add `slots=True` instead.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable occurrences

#include <algorithm>  // find

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH305",
    .name = "slots-candidate",
    .summary =
        "Class with a fixed set of attributes whose instances a loop creates and collects, "
        "without `__slots__`; slots make each instance smaller.",
    .severity = Severity::Hint,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
Without `__slots__` every instance can take new attributes, so CPython keeps room for an
instance dictionary. With `__slots__` the attributes are stored at fixed offsets in the object.
Measured on CPython 3.11 with 100,000 instances of a class with three attributes (tracemalloc):
96 bytes per instance without slots, 56 with. Attribute reads and instance creation were at most
a few nanoseconds faster with slots (17 against 24 ns per read, 355 against 383 ns per
creation, best of 15 runs on a busy machine whose noise is of the same size), so the memory is
the gain to count on. Only classes whose instances a loop creates and keeps (in a comprehension,
with `.append()`, `d[k] = ...`) are flagged: an instance made and dropped on each iteration, or a
handful of them, saves nothing that matters.
)",
    .useInstead = R"(
Declare the attributes: `__slots__ = ("x", "y")` as the first statement of the class body, or
`@dataclass(slots=True)` for a dataclass (Python 3.10+).
)",
    .example = {.before = R"(
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, i * 2) for i in range(3)]
print(sum(p.x + p.y for p in points))
)",
                .after = R"(
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, i * 2) for i in range(3)]
print(sum(p.x + p.y for p in points))
)"},
    .fixSafety = R"(
Unsafe, and offered only for a class without decorators whose class-level names differ from its
instance attributes (a class attribute of the same name as a slot raises `ValueError`). With
slots, instances lose `__dict__`: code elsewhere that sets a new attribute on them raises
`AttributeError`, `vars(obj)` fails, weak references need `__weakref__` in the slots, and
pickling with protocol 0 or 1 fails. The rule checks only the module it sees. Dataclasses get no
fix: `slots=True` needs Python 3.10.
)",
    .measure = {.call = "sum(p.x + p.y for p in [Point(i, i * 2) for i in range(n)])"},
};

constexpr NodeKind kKinds[] = {NodeKind::ClassDefinition};

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// What the class body says about the instance attributes.
struct ClassShape {
  std::vector<std::string_view> instanceAttributes;  ///< set on `self`, in order of first set
  std::vector<std::string_view> classNames;          ///< names assigned in the class body itself
  std::vector<std::string_view> methodNames;  ///< `def` and nested `class` names (properties too)
  bool hasInit = false;
  bool dynamic = false;  ///< something that needs `__dict__` or defeats the analysis
};

// The first parameter of a method, or empty for none (a staticmethod without parameters).
std::string_view firstParameter(TSNode method, const Document& document) {
  TSNode parameters = childByField(method, "parameters");
  if (ts_node_named_child_count(parameters) == 0) return {};
  TSNode first = ts_node_named_child(parameters, 0);
  return nodeType(first) == "identifier" ? document.text(first) : std::string_view();
}

// Records attribute stores under `method`: `self.x = ...` adds `x`; a store on anything else
// (another instance built with `object.__new__`, a parameter) cannot be checked, and makes the
// class dynamic.
void collectStores(TSNode method, const Document& document, ClassShape& shape) {
  std::string_view self = firstParameter(method, document);
  forEachNode(childByField(method, "body"), [&](TSNode node) {
    if (nodeType(node) != "attribute") return;
    // A store: the attribute is an assignment target, possibly inside a tuple pattern.
    TSNode child = node;
    TSNode parent = syntax::parentOf(node);
    while (nodeType(parent) == "pattern_list" || nodeType(parent) == "tuple_pattern") {
      child = parent;
      parent = syntax::parentOf(parent);
    }
    std::string_view parentType = nodeType(parent);
    bool store = (parentType == "assignment" || parentType == "augmented_assignment" ||
                  parentType == "for_statement") &&
                 ts_node_eq(childByField(parent, "left"), child);
    if (!store) return;
    TSNode object = childByField(node, "object");
    if (self.empty() || nodeType(object) != "identifier" || document.text(object) != self) {
      shape.dynamic = true;
      return;
    }
    std::string_view name = document.text(childByField(node, "attribute"));
    if (!contains(shape.instanceAttributes, name)) shape.instanceAttributes.push_back(name);
  });
}

ClassShape shapeOf(TSNode body, const Document& document) {
  ClassShape shape;
  forEachNamedChild(body, [&](TSNode statement) {
    TSNode definition = statement;
    if (nodeType(statement) == "decorated_definition") {
      definition = childByField(statement, "definition");
    }
    if (nodeType(definition) == "function_definition") {
      std::string_view name = document.text(childByField(definition, "name"));
      shape.methodNames.push_back(name);
      if (name == "__init__") shape.hasInit = true;
      // Hooks that take over attribute storage or copying.
      if (name == "__setattr__" || name == "__getattr__" || name == "__getattribute__" ||
          name == "__delattr__" || name == "__getstate__" || name == "__setstate__" ||
          name == "__reduce__" || name == "__reduce_ex__" || name == "__copy__") {
        shape.dynamic = true;
      }
      collectStores(definition, document, shape);
      return;
    }
    if (nodeType(statement) == "class_definition") {
      shape.methodNames.push_back(document.text(childByField(statement, "name")));
      return;
    }
    if (nodeType(statement) != "expression_statement") return;
    TSNode expression = ts_node_named_child(statement, 0);
    // An annotation alone (`x: int`) binds nothing in the class.
    if (nodeType(expression) != "assignment" ||
        ts_node_is_null(childByField(expression, "right"))) {
      return;
    }
    forEachNode(childByField(expression, "left"), [&](TSNode node) {
      if (nodeType(node) == "identifier") shape.classNames.push_back(document.text(node));
    });
  });
  return shape;
}

// Whether the module text mentions something that needs instances to have a `__dict__` or to be
// weakly referenced, anywhere: the rule cannot tell which objects it touches.
bool mentionsDynamicAttributes(std::string_view text) {
  for (std::string_view word : {"__dict__", "setattr(", "vars(", "weakref"}) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// Whether the module subclasses the class anywhere.
bool isSubclassed(std::string_view name, const SemanticModel& model) {
  const Document& document = model.document();
  bool subclassed = false;
  // The model lists every class: no walk of the whole tree per class.
  for (const Site& site : model.sites(NodeKind::ClassDefinition)) {
    TSNode bases = childByField(site.node, "superclasses");
    if (ts_node_is_null(bases)) continue;
    forEachNode(bases, [&](TSNode base) {
      subclassed = subclassed || (nodeType(base) == "identifier" && document.text(base) == name);
    });
    if (subclassed) return true;
  }
  return false;
}

bool isCollectingCall(TSNode call, const Document& document) {
  if (nodeType(call) != "call") return false;
  TSNode callee = childByField(call, "function");
  std::string_view name = nodeType(callee) == "attribute"
                              ? document.text(childByField(callee, "attribute"))
                              : document.text(callee);
  return name == "append" || name == "add" || name == "insert" || name == "appendleft" ||
         name == "extend" || name == "list" || name == "tuple" || name == "set" ||
         name == "sorted" || name == "dict";
}

// Whether the value of `expression` is kept in a collection: an element of a list, set or dict
// comprehension, an argument of `.append()`, `.add()`, `list()` and the like (also inside a tuple
// or a generator passed there), or the value of `d[k] = ...`.
bool isCollected(TSNode expression, const Document& document) {
  TSNode child = expression;
  TSNode parent = syntax::parentOf(child);
  while (nodeType(parent) == "tuple" || nodeType(parent) == "parenthesized_expression" ||
         nodeType(parent) == "pair" || nodeType(parent) == "keyword_argument") {
    child = parent;
    parent = syntax::parentOf(parent);
  }
  std::string_view type = nodeType(parent);
  if (type == "list_comprehension" || type == "set_comprehension" ||
      type == "dictionary_comprehension") {
    return ts_node_eq(childByField(parent, "body"), child);
  }
  if (type == "generator_expression") {
    return ts_node_eq(childByField(parent, "body"), child) &&
           isCollectingCall(syntax::parentOf(parent), document);
  }
  if (type == "argument_list") return isCollectingCall(syntax::parentOf(parent), document);
  if (type == "assignment") {
    return ts_node_eq(childByField(parent, "right"), child) &&
           nodeType(childByField(parent, "left")) == "subscript";
  }
  return false;
}

// Whether instances of the class pile up: a call of the class repeated by a loop whose result is
// collected, directly or through a variable that is then collected. An instance made and dropped
// on each iteration saves nothing worth a change.
bool isCollectedInLoop(std::string_view name, const SemanticModel& model) {
  const Document& document = model.document();
  for (const Site& site : model.sites(NodeKind::Call)) {
    if (site.loopDepth == 0) continue;
    TSNode callee = childByField(site.node, "function");
    if (nodeType(callee) != "identifier" || document.text(callee) != name) continue;
    if (isCollected(site.node, document)) return true;
    TSNode assignment = syntax::parentOf(site.node);
    TSNode variable = childByField(assignment, "left");
    if (nodeType(assignment) != "assignment" || nodeType(variable) != "identifier") continue;
    TSNode scope = site.function == kModuleScope
                       ? document.root()
                       : model.functions()[static_cast<size_t>(site.function)].node;
    for (TSNode use : variablesNamed(scope, document.text(), document.text(variable), false)) {
      if (isCollected(use, document)) return true;
    }
  }
  return false;
}

// The dataclass decorator of a decorated class, if it is the only decorator and does not set
// slots yet; a null node otherwise.
TSNode plainDataclassDecorator(TSNode decorated, const SemanticModel& model) {
  TSNode found{};
  uint32_t decorators = 0;
  forEachNamedChild(decorated, [&](TSNode child) {
    if (nodeType(child) != "decorator") return;
    ++decorators;
    TSNode expression = ts_node_named_child(child, 0);
    TSNode callee =
        nodeType(expression) == "call" ? childByField(expression, "function") : expression;
    if (model.qualifiedName(callee, kModuleScope) == "dataclasses.dataclass") found = expression;
  });
  if (decorators != 1 || ts_node_is_null(found)) return TSNode{};
  if (model.document().text(found).find("slots") != std::string_view::npos) return TSNode{};
  return found;
}

// Inserts `__slots__` as the first statement of the body, after a docstring.
std::optional<Fix> slotsFix(TSNode classNode, const ClassShape& shape, const Document& document) {
  TSNode body = childByField(classNode, "body");
  TSNode first = ts_node_named_child(body, 0);
  std::string_view text = document.text();
  uint32_t start = ts_node_start_byte(first);
  uint32_t lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] != '\n') --lineStart;
  std::string_view indent = text.substr(lineStart, start - lineStart);
  // A body on the `class` line itself has no indentation to copy.
  if (indent.find_first_not_of(" \t") != std::string_view::npos || indent.empty()) {
    return std::nullopt;
  }
  std::string slots = "__slots__ = (";
  for (std::string_view name : shape.instanceAttributes) {
    slots.append("\"").append(name).append("\", ");
  }
  slots.resize(slots.size() - 2);
  slots.append(shape.instanceAttributes.size() == 1 ? ",)" : ")");
  bool docstring = nodeType(first) == "expression_statement" &&
                   nodeType(ts_node_named_child(first, 0)) == "string";
  std::string lineBreak("\n");
  lineBreak.append(indent);
  if (docstring) {
    uint32_t end = ts_node_end_byte(first);
    return Fix{"Add `__slots__`", FixSafety::Unsafe, {{{end, end}, lineBreak + slots}}};
  }
  return Fix{"Add `__slots__`", FixSafety::Unsafe, {{{start, start}, slots + lineBreak}}};
}

class SlotsCandidate final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode classNode = site.node;
    TSNode parent = syntax::parentOf(classNode);
    bool decorated = nodeType(parent) == "decorated_definition";
    TSNode outer = decorated ? syntax::parentOf(parent) : parent;
    if (site.function != kModuleScope || nodeType(outer) != "module") return;
    TSNode dataclass = decorated ? plainDataclassDecorator(parent, model) : TSNode{};
    if (decorated && ts_node_is_null(dataclass)) return;

    const Document& document = model.document();
    // No base but `object`, and no metaclass or other class keywords.
    TSNode bases = childByField(classNode, "superclasses");
    bool plainBases = true;
    if (!ts_node_is_null(bases)) {
      forEachNamedChild(bases, [&](TSNode base) {
        plainBases =
            plainBases && nodeType(base) == "identifier" && document.text(base) == "object";
      });
    }
    if (!plainBases || mentionsDynamicAttributes(document.text()) ||
        document.text(classNode).find("__slots__") != std::string_view::npos) {
      return;
    }

    std::string_view name = document.text(childByField(classNode, "name"));
    if (isSubclassed(name, model) || !isCollectedInLoop(name, model)) return;
    ClassShape shape = shapeOf(childByField(classNode, "body"), document);
    if (shape.dynamic) return;
    ByteRange reported = rangeOf(childByField(classNode, "name"));

    if (!ts_node_is_null(dataclass)) {
      // A dataclass sets its fields in the generated `__init__`.
      if (shape.hasInit || !shape.instanceAttributes.empty()) return;
      sink.report(kInfo, site, reported,
                  "Dataclass `" + std::string(name) +
                      "` is collected in a loop; `@dataclass(slots=True)` (Python 3.10+) makes "
                      "each instance smaller");
      return;
    }
    if (!shape.hasInit || shape.instanceAttributes.empty()) return;
    bool clash = false;
    for (std::string_view attribute : shape.instanceAttributes) {
      // A store through a property setter keeps its value under another name: the set of
      // attributes to declare is not the set of names stored to.
      if (contains(shape.methodNames, attribute)) return;
      clash = clash || contains(shape.classNames, attribute);
    }
    std::string message = "Instances of `" + std::string(name) +
                          "` are collected in a loop and have a fixed set of attributes; "
                          "`__slots__` makes each one smaller";
    if (clash) {
      sink.report(kInfo, site, reported,
                  message +
                      " (first remove the class attributes that share a name with an "
                      "instance attribute)");
      return;
    }
    sink.report(kInfo, site, reported, std::move(message), slotsFix(classNode, shape, document));
  }
};

}  // namespace

const Rule& ph305SlotsCandidate() {
  static const SlotsCandidate rule;
  return rule;
}

}  // namespace perfhint
