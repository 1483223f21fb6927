// PH104 loop-invariant-lookup: an attribute chain (`self.config.threshold`) or a module
// attribute (`math.sqrt`, `os.path.join`) read on every pass of a `for` loop that cannot change
// it, so reading it once into a local before the loop saves the lookups.
//
// Precision first, since a wrong hoist changes behaviour silently and the gain is modest. A chain
// is flagged only when it has two attribute reads or more (one when its root is an imported
// module), no dunder attribute, and nothing in the loop (header target included):
// - binds its root name, or stores into or deletes the chain or a prefix of it;
// - uses a prefix of it by itself (`helper(self)`, `c = self.config`), which may let other code
//   change it;
// - for a root that is not a module, calls any method reached from the root
//   (`self.update()`, `self.items.append(x)`), which may change it.
// A called module attribute must be a cheap function (`math`, `os.path.join`, ...); `re` is left
// to PH202. The lookup must be a fair share of a pass: some read runs on every pass (not in a
// branch, handler or comprehension) of the innermost loop around it, whose body is a few
// statements that call nothing of unknown or large cost (output, files, a method of `self`, a
// function by plain name other than a cheap builtin). The loop must repeat work, must not be
// over a literal, a display built just before, a constant table or a small constant `range`,
// and must not `yield` or `await`. Loops at module level or in class bodies are skipped. With
// nested loops, the outermost loop that qualifies reports the chain.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variables, binding occurrences

#include <algorithm>  // find, find_if
#include <iterator>   // begin, end
#include <map>        // chains by text
#include <set>        // names in use
#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH104",
    .name = "loop-invariant-lookup",
    .summary =
        "The same attribute chain (`self.config.threshold`) or module attribute (`math.sqrt`) "
        "looked up on every pass of a loop that never changes it; read it once before the loop.",
    .severity = Severity::Hint,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
Every `a.b.c` in a loop body repeats each attribute lookup on every pass; a local variable is
one fast load. CPython 3.11 caches attribute lookups well, so the gain is modest. Measured over
one million items (ranges over runs on a busy machine): a loop that only compares each item with
`self.config.threshold` took 39–56 ms, and 36–42 ms with a local; appending `math.sqrt(x)` took
100–123 ms, and 72–106 ms with a local `sqrt`. That is 10–25% in a loop that does nothing else,
and less as the body does more, so this is a hint for hot loops, not a warning. It is reported
only where the lookup is a fair share of a pass: read on every pass of a short loop body that
calls nothing of unknown or large cost (I/O, a method of `self`, a function of another module
other than cheap ones such as `math`, `os.path.join`, `binascii`).
)",
    .useInstead = R"(
Read the value into a local variable just before the loop and use the local inside it:
`threshold = self.config.threshold`, `sqrt = math.sqrt`.
)",
    .example = {.before = R"(
import math


def lengths(points):
    out = []
    for x, y in points:
        out.append(math.sqrt(x * x + y * y))
    return out


print(lengths([(3, 4), (6, 8)]))
)",
                .after = R"(
import math


def lengths(points):
    out = []
    sqrt = math.sqrt
    for x, y in points:
        out.append(sqrt(x * x + y * y))
    return out


print(lengths([(3, 4), (6, 8)]))
)"},
    .fixSafety = R"(
Always unsafe: code the rule cannot see (a function called in the loop, another thread, a
property) may change the attribute between passes, a property may compute a new value on every
read, and the hoisted read now happens even when the loop runs zero times, where it may raise.
The fix inserts `name = chain` before the loop, at its indentation, and replaces the reads in the
body; the name is the chain's last attribute (or a longer one built from the chain) unused in
the function. No fix when a read is split over lines or holds a comment, or when something
other than indentation precedes the loop on its line.
)",
    .measure = {.setup = "points = [(i, i + 1) for i in range(n)]", .call = "lengths(points)"},
};

constexpr NodeKind kKinds[] = {NodeKind::ForStatement};

// `a.b.c`: its root name `a` and how many attributes it reads (2).
struct Chain {
  TSNode root;  // null when the chain does not start at a plain name
  size_t attributes = 0;
};

Chain chainOf(TSNode node) {
  Chain chain{TSNode{}, 0};
  TSNode at = node;
  while (nodeType(at) == "attribute") {
    ++chain.attributes;
    at = childByField(at, "object");
  }
  if (nodeType(at) == "identifier") chain.root = at;
  return chain;
}

// The chain that `identifier` starts when extended as far as attributes go: `self` in
// `self.a.b.c()` gives `self.a.b.c`.
TSNode longestChainFrom(TSNode identifier) {
  TSNode at = identifier;
  for (TSNode parent = syntax::parentOf(at);
       nodeType(parent) == "attribute" && ts_node_eq(childByField(parent, "object"), at);
       parent = syntax::parentOf(at)) {
    at = parent;
  }
  return at;
}

// Whether `node` (an attribute or name) is written: an assignment or `for` target (also inside
// unpacking), a `del`, a `with ... as` target.
bool isStoreTarget(TSNode node) {
  TSNode child = node;
  TSNode parent = syntax::parentOf(node);
  while (nodeType(parent) == "pattern_list" || nodeType(parent) == "tuple_pattern" ||
         nodeType(parent) == "list_pattern" || nodeType(parent) == "parenthesized_expression") {
    child = parent;
    parent = syntax::parentOf(parent);
  }
  std::string_view type = nodeType(parent);
  if (type == "assignment" || type == "augmented_assignment" || type == "for_statement" ||
      type == "for_in_clause") {
    return ts_node_eq(childByField(parent, "left"), child);
  }
  return type == "delete_statement" || type == "as_pattern_target" ||
         (type == "expression_list" && nodeType(syntax::parentOf(parent)) == "delete_statement");
}

bool isCallee(TSNode node) {
  TSNode parent = syntax::parentOf(node);
  return nodeType(parent) == "call" && ts_node_eq(childByField(parent, "function"), node);
}

bool isNestedScope(std::string_view type) {
  return type == "function_definition" || type == "lambda" || type == "class_definition";
}

// Calls `visit` for every node under `node`, not entering nested functions and classes.
template <typename Visit>
void forEachInline(TSNode node, Visit& visit) {
  forEachNamedChild(node, [&](TSNode child) {
    if (isNestedScope(nodeType(child))) return;
    visit(child);
    forEachInline(child, visit);
  });
}

// An attribute chain read in a loop body, with the nodes above it from the loop down: asking
// tree-sitter for parents searches from the root each time.
struct ChainRead {
  TSNode node;
  std::vector<TSNode> ancestors;  // the loop first, then its body, down to the read's parent
};

// What a loop body does, gathered in one walk.
struct LoopFacts {
  bool repeatsWork = false;  // calls or computes
  bool suspends = false;     // yield or await
  std::vector<ChainRead> chainReads;
};

// Gathers the facts under `node` (the last of `path`), not entering nested functions and
// classes.
void gatherFacts(TSNode node, std::vector<TSNode>& path, LoopFacts& facts) {
  forEachNamedChild(node, [&](TSNode child) {
    std::string_view type = nodeType(child);
    if (isNestedScope(type)) return;
    if (type == "call" || type == "binary_operator" || type == "augmented_assignment" ||
        type == "comparison_operator") {
      facts.repeatsWork = true;
    }
    if (type == "yield" || type == "await") facts.suspends = true;
    if (type == "attribute") {
      bool isObjectOfLonger =
          nodeType(node) == "attribute" && ts_node_eq(childByField(node, "object"), child);
      if (!isObjectOfLonger && !ts_node_is_null(chainOf(child).root)) {
        facts.chainReads.push_back({child, path});
      }
    }
    path.push_back(child);
    gatherFacts(child, path, facts);
    path.pop_back();
  });
}

// What the body of the `for` or `while` loop `loop` does.
LoopFacts factsOf(TSNode loop) {
  LoopFacts facts;
  TSNode body = childByField(loop, "body");
  std::vector<TSNode> path{loop, body};
  gatherFacts(body, path, facts);
  return facts;
}

// `for x in [1, 2]`, `for c in "abc"`, `for i in range(3)`: too few passes to matter.
bool isShortLiteralLoop(TSNode loop, const SemanticModel& model) {
  const Document& document = model.document();
  TSNode right = childByField(loop, "right");
  std::string_view type = nodeType(right);
  if (type == "list" || type == "tuple" || type == "set" || type == "string" ||
      type == "expression_list") {
    return true;
  }
  // `table.items()`, `.keys()`, `.values()` iterate `table`.
  if (type == "call" && nodeType(childByField(right, "function")) == "attribute") {
    TSNode function = childByField(right, "function");
    std::string_view method = document.text(childByField(function, "attribute"));
    if (method == "items" || method == "keys" || method == "values") {
      right = childByField(function, "object");
      type = nodeType(right);
    }
  }
  if (type == "identifier") {
    // A constant table (`SUPPORTED_FORMATS`), or a name last bound to a display written out in
    // the function: usually a few entries.
    std::string_view name = document.text(right);
    if (name.size() > 1 && name.find_first_of("abcdefghijklmnopqrstuvwxyz") == name.npos) {
      return true;
    }
    const Binding* binding =
        model.bindingBefore(name, model.siteOf(loop).function, ts_node_start_byte(loop));
    return binding &&
           (binding->shape == ValueShape::ListDisplay ||
            binding->shape == ValueShape::DictDisplay || binding->shape == ValueShape::SetDisplay);
  }
  if (type != "call" || document.text(childByField(right, "function")) != "range") return false;
  bool allSmall = true;
  forEachNamedChild(childByField(right, "arguments"), [&](TSNode argument) {
    allSmall = allSmall && nodeType(argument) == "integer" && document.text(argument).size() <= 2;
  });
  return allSmall;
}

// Whether `read` is evaluated on every pass through `body`: not in a branch (`if` bodies, the
// right side of `and`/`or`, a conditional expression's values), an `except` or `else` clause, a
// comprehension or a lambda. Nor in a `try:` body, whose handler may expect the read to fail:
// hoisted, it would fail outside the handler.
bool runsEveryPass(const ChainRead& read, TSNode body) {
  const std::vector<TSNode>& ancestors = read.ancestors;
  TSNode at = read.node;
  for (size_t index = ancestors.size(); index-- > 0 && !ts_node_eq(at, body);
       at = ancestors[index]) {
    TSNode parent = ancestors[index];
    std::string_view type = nodeType(parent);
    if (type == "if_statement" || type == "elif_clause" || type == "while_statement") {
      if (!ts_node_eq(childByField(parent, "condition"), at)) return false;
    } else if (type == "boolean_operator") {
      if (!ts_node_eq(childByField(parent, "left"), at)) return false;
    } else if (type == "conditional_expression") {
      if (!ts_node_eq(ts_node_named_child(parent, 1), at)) return false;
    } else if (type == "block") {
      std::string_view owner =
          nodeType(index > 0 ? ancestors[index - 1] : syntax::parentOf(parent));
      if (owner != "for_statement" && owner != "while_statement" && owner != "with_statement" &&
          owner != "finally_clause" && !ts_node_eq(parent, body)) {
        return false;
      }
    } else if (type == "except_clause" || type == "except_group_clause" || type == "else_clause" ||
               type == "case_clause" || type == "lambda" || type == "list_comprehension" ||
               type == "set_comprehension" || type == "dictionary_comprehension" ||
               type == "generator_expression") {
      return false;
    }
  }
  return true;
}

// Whether `node` holds at most `limit` statements, nested ones included. Counting stops past the
// limit: a long body need not be walked to the end.
bool hasAtMostStatements(TSNode node, int limit) {
  int count = 0;
  auto countUnder = [&](auto& self, TSNode parent) -> void {
    for (uint32_t i = 0, n = ts_node_named_child_count(parent); i < n && count <= limit; ++i) {
      TSNode child = ts_node_named_child(parent, i);
      std::string_view type = nodeType(child);
      if (type.ends_with("statement") || type == "function_definition" ||
          type == "class_definition") {
        ++count;
      }
      self(self, child);
    }
  };
  countUnder(countUnder, node);
  return count <= limit;
}

// Module functions whose own cost (a system call, output, waiting) dwarfs a lookup.
// Module functions cheap enough per call that a lookup is a fair share of their cost. Calls
// into other modules may do any amount of work, and `re` functions are PH202's matter.
bool isCheapModuleFunction(std::string_view qualified) {
  static constexpr std::string_view kCheapModules[] = {
      "math.",  "cmath.",  "operator.", "unicodedata.", "stringprep.", "bisect.",
      "heapq.", "struct.", "binascii.", "keyword.",     "itertools.",  "random."};
  static constexpr std::string_view kCheapFunctions[] = {
      "os.path.join",       "os.path.split",    "os.path.splitext", "os.path.basename",
      "os.path.dirname",    "os.path.normcase", "os.path.normpath", "os.path.isabs",
      "os.path.splitdrive", "time.time",        "time.monotonic",   "time.perf_counter"};
  for (std::string_view prefix : kCheapModules) {
    if (qualified.starts_with(prefix)) return true;
  }
  return std::find(std::begin(kCheapFunctions), std::end(kCheapFunctions), qualified) !=
         std::end(kCheapFunctions);
}

bool isCostlyModuleAttribute(std::string_view qualified) {
  static constexpr std::string_view kPureOsPath[] = {
      "os.path.join",       "os.path.split",    "os.path.splitext", "os.path.basename",
      "os.path.dirname",    "os.path.normcase", "os.path.normpath", "os.path.isabs",
      "os.path.splitdrive", "os.sep",           "os.path.sep"};
  static constexpr std::string_view kCostlyModules[] = {
      "os.",       "sys.",     "shutil.",   "subprocess.",   "socket.",    "select.",
      "signal.",   "logging.", "warnings.", "time.sleep",    "threading.", "asyncio.",
      "tempfile.", "glob.",    "io.",       "builtins.print"};
  if (std::find(std::begin(kPureOsPath), std::end(kPureOsPath), qualified) !=
      std::end(kPureOsPath)) {
    return false;
  }
  for (std::string_view prefix : kCostlyModules) {
    if (qualified.starts_with(prefix)) return true;
  }
  return false;
}

// Whether a call in `body` (not in nested functions) may do work that dwarfs a lookup: output,
// files, processes, logging, a database, a method of `self`, or any function called by a plain
// name other than a cheap builtin (its cost is unknown).
bool doesSlowWork(TSNode body, int32_t function, const SemanticModel& model) {
  static constexpr std::string_view kCheapBuiltins[] = {
      "abs",    "all",       "any",        "bool",       "callable", "chr",      "dict",
      "divmod", "enumerate", "float",      "frozenset",  "getattr",  "hasattr",  "hash",
      "id",     "int",       "isinstance", "issubclass", "iter",     "len",      "list",
      "max",    "min",       "next",       "ord",        "repr",     "reversed", "round",
      "set",    "setattr",   "sorted",     "str",        "sum",      "tuple",    "type",
      "zip",    "bytes",     "range",      "map",        "filter"};
  static constexpr std::string_view kSlowMethods[] = {
      "write",     "writelines", "read",        "readline",  "flush",    "send",     "sendall",
      "recv",      "execute",    "executemany", "commit",    "fetchone", "fetchall", "debug",
      "info",      "warning",    "error",       "exception", "critical", "log",      "close",
      "open",      "mkdir",      "makedirs",    "remove",    "unlink",   "rmdir",    "rename",
      "copy_file", "copyfile",   "mkpath",      "delete",    "save",     "run",      "wait",
      "sleep",     "acquire",    "register",    "join"};
  const Document& document = model.document();
  bool slow = false;
  auto visit = [&](TSNode node) {
    if (slow || nodeType(node) != "call") return;
    TSNode callee = childByField(node, "function");
    std::string_view text = document.text(callee);
    if (nodeType(callee) == "identifier") {
      // A cheap module function imported by name (`from math import sqrt`) or read into a
      // local before (`sqrt = math.sqrt`, as this rule's fix does) stays cheap.
      std::string imported = model.qualifiedName(callee, function);
      const Binding* local = model.bindingBefore(text, function, ts_node_start_byte(node));
      if (local && nodeType(local->value) == "attribute") {
        imported = model.qualifiedName(local->value, function);
      }
      slow = !isCheapModuleFunction(imported) &&
             std::find(std::begin(kCheapBuiltins), std::end(kCheapBuiltins), text) ==
                 std::end(kCheapBuiltins);
      return;
    }
    if (nodeType(callee) != "attribute") return;
    std::string_view method = document.text(childByField(callee, "attribute"));
    TSNode object = childByField(callee, "object");
    bool slowMethod = std::find(std::begin(kSlowMethods), std::end(kSlowMethods), method) !=
                      std::end(kSlowMethods);
    // A module function is judged by its full name: `os.path.join` is string work, and
    // `log.info` on an imported logger is output.
    std::string qualified = model.qualifiedName(callee, function);
    if (!qualified.empty()) {
      slow =
          isCostlyModuleAttribute(qualified) || (slowMethod && !isCheapModuleFunction(qualified));
      return;
    }
    // `"".join(parts)` is string work; `thread.join()` waits.
    if (method == "join" && nodeType(object) == "string") return;
    slow = slowMethod || (nodeType(object) == "identifier" && document.text(object) == "self");
  };
  forEachInline(body, visit);
  return slow;
}

// Whether the lookup is a noticeable share of a pass: `read` runs on every pass of the innermost
// loop around it (up to `loop`), whose body has a few statements at most and does no slow work.
bool isHotRead(const ChainRead& read, TSNode loop, int32_t function, const SemanticModel& model) {
  constexpr int kSmallBody = 4;
  TSNode inner = loop;
  // From the read's parent up to the loop, the loop itself left out.
  for (size_t index = read.ancestors.size(); index-- > 1;) {
    TSNode at = read.ancestors[index];
    std::string_view type = nodeType(at);
    if (type == "for_statement" || type == "while_statement") {
      if (rangeOf(childByField(at, "body")).contains(rangeOf(read.node))) {
        inner = at;
        break;
      }
    }
  }
  TSNode body = childByField(inner, "body");
  // The checks that need no more than the body come first: they turn down most reads.
  return runsEveryPass(read, body) && hasAtMostStatements(body, kSmallBody) &&
         !(nodeType(inner) == "for_statement" && isShortLiteralLoop(inner, model)) &&
         !doesSlowWork(body, function, model);
}

bool isAsyncFor(TSNode loop) {
  return nodeType(ts_node_child(loop, 0)) == "async";
}

class LoopInvariantLookup final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode loop = site.node;
    const Document& document = model.document();
    // Module-level loops run once, at import, mostly over a few items; a hoisted name there
    // would also become a global.
    if (site.function == kModuleScope || !qualifies(loop, model) || inClassBody(loop)) return;
    LoopFacts facts = factsOf(loop);
    if (!facts.repeatsWork || facts.suspends) return;

    // Group the reads by text, in order of first appearance.
    std::vector<std::string_view> order;
    std::map<std::string_view, std::vector<TSNode>> reads;
    std::map<std::string_view, std::vector<const ChainRead*>> readsWithAncestors;
    for (const ChainRead& read : facts.chainReads) {
      std::string_view text = document.text(read.node);
      if (!reads.count(text)) order.push_back(text);
      reads[text].push_back(read.node);
      readsWithAncestors[text].push_back(&read);
    }
    TSNode scope = site.function == kModuleScope
                       ? document.root()
                       : model.functions()[static_cast<size_t>(site.function)].node;
    // The names in use matter only for a finding, which most loops do not have: gather them on
    // the first one.
    std::optional<std::set<std::string>> used;
    for (std::string_view text : order) {
      const std::vector<TSNode>& uses = reads[text];
      const std::vector<const ChainRead*>& withAncestors = readsWithAncestors[text];
      auto hotRead = std::find_if(
          withAncestors.begin(), withAncestors.end(),
          [&](const ChainRead* use) { return isHotRead(*use, loop, site.function, model); });
      if (hotRead == withAncestors.end() ||
          !isInvariant(loop, uses.front(), site.function, model) ||
          hoistableFromOuterLoop(loop, uses.front(), model)) {
        continue;
      }
      TSNode hot = (*hotRead)->node;
      if (!used) {
        used.emplace();
        collectNames(scope, syntax::parentOf(scope), document, *used);
      }
      std::set<std::string> taken = *used;
      reserveOtherChainNames(loop, text, document, taken);
      std::string name = localName(uses.front(), taken, document);
      used->insert(name);
      std::string message("`");
      message += text;
      message +=
          "` is looked up on every pass and nothing in the loop changes it; read it into a "
          "local before the loop";
      sink.report(kInfo, model.siteOf(hot), rangeOf(hot), std::move(message),
                  hoistFix(loop, text, uses, name, model));
    }
  }

 private:
  static bool qualifies(TSNode loop, const SemanticModel& model) {
    return nodeType(loop) == "for_statement" && !isAsyncFor(loop) &&
           !isShortLiteralLoop(loop, model);
  }

  // Whether nothing in `loop` may change the chain `read` (see the file comment).
  static bool isInvariant(TSNode loop, TSNode read, int32_t function, const SemanticModel& model) {
    const Document& document = model.document();
    Chain chain = chainOf(read);
    std::string_view rootName = document.text(chain.root);
    const ImportBinding* import = model.resolveImport(rootName, function);
    bool isModule =
        import && !import->typeCheckingOnly && !isLocallyBound(rootName, function, model);
    if (chain.attributes < (isModule ? 1u : 2u)) return false;
    // `x.__dict__`, `f.__code__`: introspection, which seldom runs hot.
    for (TSNode at = read; nodeType(at) == "attribute"; at = childByField(at, "object")) {
      std::string_view name = document.text(childByField(at, "attribute"));
      if (name.starts_with("__") && name.ends_with("__")) return false;
    }
    if (isModule) {
      // Regex calls in loops are PH202's finding; leave the `re` module to it.
      std::string qualified = model.qualifiedName(read, function);
      if (qualified.starts_with("re.") || (isCallee(read) && !isCheapModuleFunction(qualified))) {
        return false;
      }
    }
    std::string_view text = document.text(read);
    // The iterable and an `else:` clause run once: only the target and the body repeat.
    ByteRange repeated{ts_node_start_byte(loop), ts_node_end_byte(childByField(loop, "body"))};
    ByteRange iterable = rangeOf(childByField(loop, "right"));
    for (TSNode use : variablesNamed(loop, document.text(), rootName, true)) {
      if (!repeated.contains(rangeOf(use)) || iterable.contains(rangeOf(use))) continue;
      if (isBindingOccurrence(use)) return false;
      TSNode longest = longestChainFrom(use);
      std::string_view longestText = document.text(longest);
      bool isPrefix = text.size() > longestText.size() && text.starts_with(longestText) &&
                      text[longestText.size()] == '.';
      if (isPrefix) return false;  // used by itself: may be changed elsewhere
      for (TSNode at = longest; nodeType(at) == "attribute"; at = childByField(at, "object")) {
        std::string_view atText = document.text(at);
        bool prefixOrSame = text.starts_with(atText) &&
                            (text.size() == atText.size() || text[atText.size()] == '.');
        if (prefixOrSame && isStoreTarget(at)) return false;
      }
      if (!isModule && isCallee(longest)) return false;
    }
    return true;
  }

  // Whether the module-level or function name is bound by anything but an import.
  static bool isLocallyBound(std::string_view name, int32_t function, const SemanticModel& model) {
    const Document& document = model.document();
    TSNode scope = function == kModuleScope ? document.root()
                                            : model.functions()[static_cast<size_t>(function)].node;
    for (TSNode use : variablesNamed(scope, document.text(), name, false)) {
      if (isBindingOccurrence(use) && !inImportStatement(use)) return true;
    }
    return false;
  }

  static bool inImportStatement(TSNode node) {
    for (TSNode at = syntax::parentOf(node); !ts_node_is_null(at); at = syntax::parentOf(at)) {
      std::string_view type = nodeType(at);
      if (type == "import_statement" || type == "import_from_statement") return true;
      if (type == "block" || type == "module") return false;
    }
    return false;
  }

  // Whether an enclosing `for` loop of the same function would hoist the chain itself.
  static bool hoistableFromOuterLoop(TSNode loop, TSNode read, const SemanticModel& model) {
    Site site = model.siteOf(loop);
    for (TSNode at = syntax::parentOf(loop); !ts_node_is_null(at); at = syntax::parentOf(at)) {
      std::string_view type = nodeType(at);
      if (isNestedScope(type)) return false;
      if (type != "for_statement") continue;
      if (!rangeOf(childByField(at, "body")).contains(rangeOf(loop))) continue;
      if (!qualifies(at, model)) continue;
      if (factsOf(at).suspends) continue;
      if (isInvariant(at, read, site.function, model)) return true;
    }
    return false;
  }

  // Every variable name under `node`, nested functions included: a new local must not shadow a
  // name that a nested function reads from this scope either. Attribute and keyword names are
  // not variables.
  // `parent` is passed down rather than asked for: ts_node_parent searches from the root.
  static void collectNames(TSNode node, TSNode parent, const Document& document,
                           std::set<std::string>& names) {
    bool isMember =
        (nodeType(parent) == "attribute" && ts_node_eq(childByField(parent, "attribute"), node)) ||
        (nodeType(parent) == "keyword_argument" && ts_node_eq(childByField(parent, "name"), node));
    if (nodeType(node) == "identifier" && !isMember) {
      names.insert(std::string(document.text(node)));
    }
    forEachNamedChild(node, [&](TSNode child) { collectNames(child, node, document, names); });
  }

  // The last attribute of every other chain read in the outermost loop around `loop`, so that
  // fixes of nested loops applied together do not pick the same name for different chains.
  static void reserveOtherChainNames(TSNode loop, std::string_view text, const Document& document,
                                     std::set<std::string>& names) {
    TSNode outermost = loop;
    for (TSNode at = syntax::parentOf(loop); !ts_node_is_null(at); at = syntax::parentOf(at)) {
      std::string_view type = nodeType(at);
      if (isNestedScope(type)) break;
      if (type == "for_statement") outermost = at;
    }
    for (const ChainRead& read : factsOf(outermost).chainReads) {
      if (document.text(read.node) == text) continue;
      names.insert(std::string(document.text(childByField(read.node, "attribute"))));
    }
  }

  static bool isReservedName(std::string_view name) {
    static constexpr std::string_view kReserved[] = {
        "False",     "None",   "True",     "and",      "as",         "assert",     "async",
        "await",     "break",  "class",    "continue", "def",        "del",        "elif",
        "else",      "except", "finally",  "for",      "from",       "global",     "if",
        "import",    "in",     "is",       "lambda",   "nonlocal",   "not",        "or",
        "pass",      "raise",  "return",   "try",      "while",      "with",       "yield",
        "match",     "case",   "type",     "_",        "abs",        "all",        "any",
        "bool",      "bytes",  "callable", "chr",      "dict",       "dir",        "divmod",
        "enumerate", "filter", "float",    "format",   "frozenset",  "getattr",    "hasattr",
        "hash",      "id",     "input",    "int",      "isinstance", "issubclass", "iter",
        "len",       "list",   "map",      "max",      "min",        "next",       "object",
        "open",      "ord",    "pow",      "print",    "range",      "repr",       "reversed",
        "round",     "set",    "setattr",  "slice",    "sorted",     "str",        "sum",
        "super",     "tuple",  "vars",     "zip",      "self",       "cls"};
    return std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved);
  }

  // A local name for the chain: its last attribute, then the last two joined, then the whole
  // chain joined, then numbered; never a name the scope uses or one already chosen.
  static std::string localName(TSNode read, const std::set<std::string>& taken,
                               const Document& document) {
    std::vector<std::string> parts;
    for (TSNode at = read; nodeType(at) == "attribute"; at = childByField(at, "object")) {
      parts.insert(parts.begin(), std::string(document.text(childByField(at, "attribute"))));
    }
    std::string last = parts.back();
    std::string lastTwo = parts.size() >= 2 ? parts[parts.size() - 2] + "_" + last : last;
    std::string whole(document.text(read));
    std::replace(whole.begin(), whole.end(), '.', '_');
    auto isFree = [&](const std::string& name) {
      return !isReservedName(name) && !taken.count(name);
    };
    for (const std::string& name : {last, lastTwo, whole}) {
      if (isFree(name)) return name;
    }
    for (int suffix = 2;; ++suffix) {
      std::string name = whole + "_" + std::to_string(suffix);
      if (isFree(name)) return name;
    }
  }

  static std::optional<Fix> hoistFix(TSNode loop, std::string_view text,
                                     const std::vector<TSNode>& uses, const std::string& name,
                                     const SemanticModel& model) {
    const Document& document = model.document();
    uint32_t start = ts_node_start_byte(loop);
    std::string_view source = document.text();
    size_t lineStart = source.rfind('\n', start == 0 ? 0 : start - 1);
    lineStart = lineStart == std::string_view::npos || start == 0 ? 0 : lineStart + 1;
    std::string_view indent = source.substr(lineStart, start - lineStart);
    // A chain written over several lines or with spaces between its parts would not read back
    // as one statement; only plain dotted names are copied.
    if (indent.find_first_not_of(" \t") != std::string_view::npos ||
        text.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") !=
            std::string_view::npos) {
      return std::nullopt;
    }
    Fix fix{"Read `" + std::string(text) + "` once before the loop", FixSafety::Unsafe, {}};
    fix.edits.push_back(
        {ByteRange{start, start}, name + " = " + std::string(text) + "\n" + std::string(indent)});
    for (TSNode use : uses) {
      if (model.hasCommentIn(rangeOf(use))) return std::nullopt;
      fix.edits.push_back({rangeOf(use), name});
    }
    return fix;
  }
};

}  // namespace

const Rule& ph104LoopInvariantLookup() {
  static const LoopInvariantLookup rule;
  return rule;
}

}  // namespace perfhint
