// PH201 string-concat-in-loop: a string or bytes object grown with `+=` in a loop, where CPython
// copies the whole value on every pass.
//
// CPython 3.11 extends a str in place when `s += t` stores back into a plain local variable that
// holds the only reference, so that case stays linear and is not flagged. Everything else pays a
// full copy per pass: attributes, container items, globals, module-level names, variables shared
// with a nested scope (cells), and bytes, which are never extended in place.
//
// One of those shapes gets a fix: `s = ""` right before a `for` loop that only does `s += expr`
// becomes `s = "".join([expr for ...])` (see joinFix for the conditions).
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable references, plain strings

#include <algorithm>  // find
#include <array>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH201",
    .name = "string-concat-in-loop",
    .summary =
        "A string or bytes value grown with `+=` in a loop where CPython copies it on every "
        "pass (an attribute, item, global, module-level or captured name, or bytes).",
    .severity = Severity::Warning,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
Strings and bytes are immutable: `s += t` builds a new object and copies all of `s` into it, so
a loop that appends n pieces copies O(n²) characters. CPython has a shortcut: when `s` is a
plain local variable of a function and nothing else refers to the string, it grows the string in
place and the loop stays linear. The shortcut does not apply to an attribute (`self.text += t`),
a container item (`parts[0] += t`), a global or `nonlocal` name, a name at module level, a local
captured by a nested function or lambda (on 3.11 also a comprehension), or to bytes. It is a
CPython detail: implementations without reference counting, such as PyPy, do not have it.

Measured on CPython 3.11 (ranges over several runs), 100,000 appends of a two-character string
take 10–31 ms to a local str variable and 1.3–3 ms with a list and `"".join`, but 0.6–6 s to an
attribute, a global, a module-level name, a captured variable or a local bytes value. A local
str that another name also refers to during the loop (`last = s` in the body) loses the shortcut
too: 6.2 s against 31 ms. At 1,000,000 appends the local variable takes 0.1–0.25 s; an attribute
or a global takes from 30 s to over two minutes. For a module-level `s = ""` and loop, the join
wins from small sizes on: 10 pieces take 7.6 µs with `+=` and 3.6 µs with
`"".join([... for ...])`, 1,000 pieces 716 µs against 13 µs.

Only those cases are flagged, and only when the value is known to be text: it was last assigned
a string or bytes literal (or `str(...)`, `bytes(...)`) before the loop, or, for a str, the added
value is a string literal, an f-string or a `str(...)` call. Not detected: a local str that
another reference keeps alive during the loop (`last = s`), which also loses the shortcut.
)",
    .useInstead = R"(
Collect the pieces in a list and join them once after the loop: `parts.append(t)` in the loop,
then `self.text += "".join(parts)`. For bytes, `b"".join(parts)` or a `bytearray`, which grows
in place. `io.StringIO` also works when the text is written in many places. When the loop only
appends, one expression says it: `s = "".join([expr for x in items])`.
)",
    .example = {.before = R"(
words = ["alpha", "beta", "gamma"]
text = ""
for word in words:
    text += word.upper() + "\n"
print(text, end="")
)",
                .after = R"(
words = ["alpha", "beta", "gamma"]
text = "".join([word.upper() + "\n" for word in words])
print(text, end="")
)"},
    .fixSafety = R"(
A fix is offered for one shape only: `s = ""` (or `b""`) directly followed by a `for` loop whose
body is the single statement `s += expr`, with no `else`, where neither `expr` nor the iterable
reads `s`, the loop's names are not read anywhere else in the scope (a comprehension leaves them
unbound), no comment sits in the statements, and the code is not in a class body. The two
statements become `s = "".join([expr for x in items])`, a list comprehension because `join`
turns its argument into a list first (1,000 pieces: 13 µs against 24 µs with a generator).

The fix is unsafe: if `expr` raises part way, `+=` has left the partial string in `s` and the
join leaves `s` unassigned, which code that catches the exception can see; and a value that is
not a str but makes `"" + value` work through `__radd__` is rejected by `join`. Every other
shape keeps the hint only: where the join belongs depends on how the value is read in and after
the loop.
)",
};

constexpr NodeKind kKinds[] = {NodeKind::AugmentedAssignment};

// What a value is known to be, as far as `+=` cares.
enum class TextKind : uint8_t { Unknown, Str, Bytes, NotText };

// Where the grown value lives; decides whether CPython can extend it in place.
enum class Holder : uint8_t { Attribute, Item, Global, Nonlocal, ModuleLevel, Captured, Local };

// A builtin called by its plain name, not shadowed by an import or an assignment.
bool isBuiltinCall(std::string_view name, TSNode callee, const SemanticModel& model,
                   int32_t function) {
  if (model.document().text(callee) != name) return false;
  if (model.resolveImport(name, function)) return false;
  uint32_t at = ts_node_start_byte(callee);
  return !model.bindingBefore(name, function, at) && !model.bindingBefore(name, kModuleScope, at);
}

TextKind literalKind(TSNode string, const SemanticModel& model) {
  if (nodeType(string) == "concatenated_string") {
    return literalKind(ts_node_named_child(string, 0), model);
  }
  std::string_view prefix = model.document().text(ts_node_named_child(string, 0));
  return prefix.find_first_of("bB") == std::string_view::npos ? TextKind::Str : TextKind::Bytes;
}

// Methods of str and bytes that return the same type.
bool returnsSameText(std::string_view method) {
  static constexpr std::array<std::string_view, 14> kMethods = {
      "join",   "format",  "format_map", "upper",  "lower", "strip", "lstrip",
      "rstrip", "replace", "title",      "center", "ljust", "rjust", "zfill"};
  return std::find(kMethods.begin(), kMethods.end(), method) != kMethods.end();
}

TextKind callKind(TSNode call, const SemanticModel& model, int32_t function) {
  TSNode callee = childByField(call, "function");
  if (nodeType(callee) == "identifier") {
    for (std::string_view name : {"str", "repr", "ascii", "chr", "format", "hex", "oct", "bin"}) {
      if (isBuiltinCall(name, callee, model, function)) return TextKind::Str;
    }
    if (isBuiltinCall("bytes", callee, model, function)) return TextKind::Bytes;
    for (std::string_view name :
         {"list", "bytearray", "set", "dict", "tuple", "int", "float", "sorted", "len", "sum"}) {
      if (isBuiltinCall(name, callee, model, function)) return TextKind::NotText;
    }
    return TextKind::Unknown;
  }
  if (nodeType(callee) == "attribute") {
    // `", ".join(items)`, `"{}".format(x)`: a method of a literal.
    TSNode object = childByField(callee, "object");
    std::string_view objectType = nodeType(object);
    if ((objectType == "string" || objectType == "concatenated_string") &&
        returnsSameText(model.document().text(childByField(callee, "attribute")))) {
      return literalKind(object, model);
    }
  }
  return TextKind::Unknown;
}

TextKind textKindOf(TSNode value, const SemanticModel& model, int32_t function) {
  std::string_view type = nodeType(value);
  if (type == "string" || type == "concatenated_string") return literalKind(value, model);
  if (type == "parenthesized_expression") {
    return textKindOf(ts_node_named_child(value, 0), model, function);
  }
  if (type == "call") return callKind(value, model, function);
  if (type == "binary_operator") {
    std::string_view op = nodeType(childByField(value, "operator"));
    TextKind left = textKindOf(childByField(value, "left"), model, function);
    TextKind right = textKindOf(childByField(value, "right"), model, function);
    auto isText = [](TextKind kind) { return kind == TextKind::Str || kind == TextKind::Bytes; };
    // `a + "x"` and `"-" * n` give text whichever side is known; `"%s" % x` follows its left.
    if (op == "+" || op == "*")
      return isText(left) ? left : isText(right) ? right : TextKind::Unknown;
    if (op == "%") return isText(left) ? left : TextKind::Unknown;
    return TextKind::Unknown;
  }
  if (type == "conditional_expression") {
    TextKind chosen = textKindOf(ts_node_named_child(value, 0), model, function);
    TextKind other = textKindOf(ts_node_named_child(value, 2), model, function);
    return chosen == other ? chosen : TextKind::Unknown;
  }
  if (type == "integer" || type == "float" || type == "list" || type == "dictionary" ||
      type == "set" || type == "tuple" || type == "list_comprehension" ||
      type == "set_comprehension" || type == "dictionary_comprehension" || type == "true" ||
      type == "false" || type == "none") {
    return TextKind::NotText;
  }
  return TextKind::Unknown;
}

bool contains(TSNode outer, TSNode inner) {
  return rangeOf(outer).contains(rangeOf(inner));
}

// Whether `name` gets a new value anywhere in the loop (its target included): then the value does
// not carry over from one pass to the next, or the rule cannot tell whether it does.
bool reboundInLoop(std::string_view name, const LoopInfo& loop, const SemanticModel& model) {
  for (TSNode occurrence : variablesNamed(loop.node, model.document().text(), name, false)) {
    if (isPlainRebinding(occurrence)) return true;
  }
  return false;
}

// Whether an identifier under `scope` runs in a nested function, lambda or comprehension, where
// it reads the scope's variable through a cell. A comprehension's first iterable runs outside.
bool runsInNestedScope(TSNode identifier, TSNode scope) {
  for (TSNode at = syntax::parentOf(identifier); !ts_node_is_null(at) && !ts_node_eq(at, scope);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "function_definition" || type == "lambda") {
      TSNode body = childByField(at, "body");
      if (!ts_node_is_null(body) && contains(body, identifier)) return true;
    } else if (type == "list_comprehension" || type == "set_comprehension" ||
               type == "dictionary_comprehension" || type == "generator_expression") {
      TSNode first = firstChildOfType(at, "for_in_clause");
      TSNode iterable = ts_node_is_null(first) ? TSNode{} : childByField(first, "right");
      if (ts_node_is_null(iterable) || !contains(iterable, identifier)) return true;
    }
  }
  return false;
}

// Where the name `name`, assigned in `function`, lives: local, declared global or nonlocal, or
// captured by a nested scope.
Holder holderOfName(std::string_view name, int32_t function, const SemanticModel& model) {
  if (function == kModuleScope) return Holder::ModuleLevel;
  TSNode scope = model.functions()[static_cast<size_t>(function)].node;
  std::string_view source = model.document().text();
  for (TSNode occurrence : variablesNamed(scope, source, name, false)) {
    std::string_view parentType = nodeType(syntax::parentOf(occurrence));
    if (parentType == "global_statement") return Holder::Global;
    if (parentType == "nonlocal_statement") return Holder::Nonlocal;
  }
  for (TSNode reference : referencesToVariable(scope, source, name)) {
    if (runsInNestedScope(reference, scope)) return Holder::Captured;
  }
  return Holder::Local;
}

// The scope whose assignments give a `global` or `nonlocal` name its value.
int32_t valueScope(Holder holder, int32_t function, const SemanticModel& model) {
  if (holder == Holder::Global) return kModuleScope;
  if (holder == Holder::Nonlocal) return model.functions()[static_cast<size_t>(function)].parent;
  return function;
}

// What an earlier `target = value` (same text, e.g. `self.text`) in the same function, or for a
// `self.` attribute anywhere in the class, says the attribute holds. An assignment inside the loop
// itself means the value does not simply carry over: reported as NotText.
TextKind attributeKind(TSNode target, const Site& site, const SemanticModel& model) {
  std::string_view text = model.document().text(target);
  const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
  TSNode object = childByField(target, "object");
  bool onSelf = nodeType(object) == "identifier" && model.document().text(object) == "self";
  ByteRange classRange{};
  if (onSelf && site.function != kModuleScope) {
    for (TSNode at = syntax::parentOf(model.functions()[static_cast<size_t>(site.function)].node);
         !ts_node_is_null(at); at = syntax::parentOf(at)) {
      if (nodeType(at) == "class_definition") {
        classRange = rangeOf(at);
        break;
      }
    }
  }
  TextKind found = TextKind::Unknown;
  for (const Site& assignment : model.sites(NodeKind::Assignment)) {
    TSNode left = childByField(assignment.node, "left");
    TSNode right = childByField(assignment.node, "right");
    if (ts_node_is_null(right) || model.document().text(left) != text) continue;
    bool sameFunction = assignment.function == site.function &&
                        ts_node_start_byte(assignment.node) < ts_node_start_byte(site.node);
    bool inClass = classRange.length() && classRange.contains(rangeOf(assignment.node));
    if (!sameFunction && !inClass) continue;
    if (assignment.function == site.function && loop.repeats(rangeOf(assignment.node))) {
      return TextKind::NotText;
    }
    TextKind kind = textKindOf(right, model, assignment.function);
    if (kind == TextKind::NotText) return kind;
    if (kind != TextKind::Unknown) found = kind;
  }
  return found;
}

// Whether every name in `node` keeps its value through the loop, so the target is the same
// attribute or item on every pass.
bool stableInLoop(TSNode node, const LoopInfo& loop, const SemanticModel& model) {
  syntax::TreeCursor cursor(node);
  while (true) {
    TSNode at = cursor.node();
    std::string_view type = nodeType(at);
    if (type == "call") return false;
    TSNode parent = syntax::parentOf(at);
    bool isAttributeName =
        nodeType(parent) == "attribute" && ts_node_eq(childByField(parent, "attribute"), at);
    if (type == "identifier" && !isAttributeName &&
        reboundInLoop(model.document().text(at), loop, model)) {
      return false;
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return true;
    }
  }
}

// Whether the container named `root` is used in the loop outside `target`, where it may be
// changed so that `target` names another item.
bool usedElsewhereInLoop(TSNode root, TSNode target, const LoopInfo& loop,
                         const SemanticModel& model) {
  std::string_view name = model.document().text(root);
  for (TSNode occurrence : variablesNamed(loop.node, model.document().text(), name, true)) {
    if (loop.repeats(rangeOf(occurrence)) && !contains(target, occurrence)) return true;
  }
  return false;
}

// Whether `node` is a string or bytes literal with nothing in it: `""`, `b''`.
bool isEmptyLiteral(TSNode node) {
  if (nodeType(node) != "string" || !isPlainString(node)) return false;
  bool empty = true;
  forEachNamedChild(node, [&](TSNode part) {
    empty = empty && nodeType(part) != "string_content" && nodeType(part) != "escape_sequence";
  });
  return empty;
}

// Whether a node of this type can stand unparenthesised as the element or the iterable of a
// comprehension without changing how it parses.
bool isTightExpression(TSNode node) {
  static constexpr std::array<std::string_view, 16> kTight = {"identifier",
                                                              "attribute",
                                                              "call",
                                                              "subscript",
                                                              "string",
                                                              "concatenated_string",
                                                              "integer",
                                                              "float",
                                                              "list",
                                                              "tuple",
                                                              "dictionary",
                                                              "set",
                                                              "parenthesized_expression",
                                                              "list_comprehension",
                                                              "binary_operator",
                                                              "unary_operator"};
  return std::find(kTight.begin(), kTight.end(), nodeType(node)) != kTight.end();
}

std::string tightText(TSNode node, const SemanticModel& model) {
  std::string text(model.document().text(node));
  return isTightExpression(node) ? text : "(" + text + ")";
}

// Whether anything under `node` means something else inside a comprehension, which runs as a
// function of its own on 3.11: `yield`, `await`, a walrus, a lambda, and calls that look at the
// calling frame (`super()` without arguments, `locals()`, `vars()`, `dir()`, `eval`, `exec`).
bool hasScopeSensitivePart(TSNode node, const SemanticModel& model) {
  static constexpr std::array<std::string_view, 6> kFrameCalls = {"super", "locals", "vars",
                                                                  "dir",   "eval",   "exec"};
  syntax::TreeCursor cursor(node);
  while (true) {
    TSNode at = cursor.node();
    std::string_view type = nodeType(at);
    if (type == "yield" || type == "await" || type == "named_expression" || type == "lambda") {
      return true;
    }
    if (type == "call" &&
        std::find(kFrameCalls.begin(), kFrameCalls.end(),
                  model.document().text(childByField(at, "function"))) != kFrameCalls.end()) {
      return true;
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return false;
    }
  }
}

// Names bound by a `for` target made only of names (`x`, `a, b`, `(a, b)`); false for
// attribute, subscript or starred targets.
bool targetNames(TSNode target, const SemanticModel& model, std::vector<std::string_view>& names) {
  std::string_view type = nodeType(target);
  if (type == "identifier") {
    names.push_back(model.document().text(target));
    return true;
  }
  if (type != "pattern_list" && type != "tuple_pattern" && type != "list_pattern") return false;
  bool plain = true;
  forEachNamedChild(target, [&](TSNode part) { plain = plain && targetNames(part, model, names); });
  return plain;
}

// The fix for the one shape whose meaning a join keeps exactly:
//     s = ""                     s = "".join([expr for x in items])
//     for x in items:      ->
//         s += expr
// The loop holds nothing else and has no `else`; `expr` and `items` do not read `s`; the loop's
// names are not read anywhere else in the scope (a comprehension does not leave them bound);
// no comment is lost; not in a class body, where a comprehension cannot see the class's names.
std::optional<Fix> joinFix(TSNode statement, std::string_view name, const Site& site,
                           const SemanticModel& model) {
  const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
  TSNode forLoop = loop.node;
  TSNode body = childByField(forLoop, "body");
  TSNode line = syntax::parentOf(statement);
  if (loop.kind != NodeKind::ForStatement || nodeType(ts_node_child(forLoop, 0)) != "for" ||
      !ts_node_is_null(childByField(forLoop, "alternative")) ||
      !ts_node_eq(syntax::parentOf(line), body) || ts_node_named_child_count(body) != 1 ||
      ts_node_named_child_count(line) != 1) {
    return std::nullopt;
  }
  TSNode init = ts_node_prev_named_sibling(forLoop);
  if (nodeType(init) != "expression_statement" || ts_node_named_child_count(init) != 1) {
    return std::nullopt;
  }
  TSNode assignment = ts_node_named_child(init, 0);
  TSNode initial = childByField(assignment, "right");
  if (nodeType(assignment) != "assignment" ||
      model.document().text(childByField(assignment, "left")) != name ||
      !ts_node_is_null(childByField(assignment, "type")) || !isEmptyLiteral(initial)) {
    return std::nullopt;
  }
  ByteRange replaced{ts_node_start_byte(init), ts_node_end_byte(forLoop)};
  if (model.hasCommentIn(replaced)) return std::nullopt;
  for (TSNode at = syntax::parentOf(forLoop); !ts_node_is_null(at); at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "class_definition") return std::nullopt;
    if (type == "function_definition") break;
  }

  const std::string_view source = model.document().text();
  TSNode value = childByField(statement, "right");
  TSNode target = childByField(forLoop, "left");
  TSNode items = childByField(forLoop, "right");
  std::vector<std::string_view> names;
  if (!targetNames(target, model, names) || hasScopeSensitivePart(value, model) ||
      hasScopeSensitivePart(items, model) || !variablesNamed(value, source, name, true).empty() ||
      !variablesNamed(items, source, name, true).empty()) {
    return std::nullopt;
  }
  TSNode scope = site.function == kModuleScope
                     ? model.document().root()
                     : model.functions()[static_cast<size_t>(site.function)].node;
  for (std::string_view loopName : names) {
    if (loopName == name || mayReadVariableOutside(scope, source, loopName, rangeOf(forLoop))) {
      return std::nullopt;
    }
  }
  std::string replacement =
      std::string(name) + " = " + std::string(model.document().text(initial)) + ".join([" +
      tightText(value, model) + " for " + std::string(model.document().text(target)) + " in " +
      tightText(items, model) + "])";
  return Fix{
      "Build the value with one `join`", FixSafety::Unsafe, {{replaced, std::move(replacement)}}};
}

std::string messageFor(Holder holder, TextKind kind) {
  bool bytes = kind == TextKind::Bytes;
  std::string noun = bytes ? "bytes value" : "string";
  std::string subject;
  switch (holder) {
    case Holder::Attribute: subject = bytes ? "Bytes attribute" : "String attribute"; break;
    case Holder::Item: subject = bytes ? "Bytes item" : "String item"; break;
    case Holder::Global: subject = "Global " + noun; break;
    case Holder::Nonlocal: subject = "Nonlocal " + noun; break;
    case Holder::ModuleLevel: subject = "Module-level " + noun; break;
    case Holder::Captured:
      subject = std::string(bytes ? "Bytes value" : "String") + " shared with a nested scope";
      break;
    case Holder::Local: subject = "Bytes value"; break;
  }
  return subject +
         " grown with `+=` in a loop is copied on every pass; collect the parts in a list " +
         (bytes ? "and `b\"\".join` them once, or use a `bytearray`" : "and `\"\".join` them once");
}

class StringConcatInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    TSNode statement = site.node;
    if (nodeType(childByField(statement, "operator")) != "+=") return;
    TSNode target = childByField(statement, "left");
    TSNode value = childByField(statement, "right");
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    std::string_view targetType = nodeType(target);

    Holder holder;
    TextKind known = TextKind::Unknown;
    if (targetType == "identifier") {
      std::string_view name = model.document().text(target);
      // Settle the common `count += 1` from the local binding before the costlier scope scans
      // below; these are the same early returns the full logic reaches.
      if (const Binding* local =
              model.bindingBefore(name, site.function, ts_node_start_byte(statement))) {
        TextKind localKind = textKindOf(local->value, model, site.function);
        if (localKind == TextKind::NotText) return;
        if (localKind == TextKind::Unknown &&
            textKindOf(value, model, site.function) != TextKind::Str)
          return;
      }
      if (reboundInLoop(name, loop, model)) return;
      holder = holderOfName(name, site.function, model);
      // The last assignment before the statement; for a global or nonlocal name not assigned
      // here, the last one in its own scope before this function.
      int32_t scope = site.function;
      const Binding* binding = model.bindingBefore(name, scope, ts_node_start_byte(statement));
      if (!binding && (holder == Holder::Global || holder == Holder::Nonlocal)) {
        scope = valueScope(holder, site.function, model);
        binding = model.bindingBefore(
            name, scope,
            ts_node_start_byte(model.functions()[static_cast<size_t>(site.function)].node));
      }
      if (binding) known = textKindOf(binding->value, model, scope);
    } else if (targetType == "attribute" || targetType == "subscript") {
      TSNode root = rootNameOf(target);
      if (ts_node_is_null(root) || !stableInLoop(target, loop, model)) return;
      holder = targetType == "attribute" ? Holder::Attribute : Holder::Item;
      // `lines[-1] += ";"` next to `lines.append(...)`: the item may be a new one on each pass.
      if (holder == Holder::Item && usedElsewhereInLoop(root, target, loop, model)) return;
      if (holder == Holder::Attribute) known = attributeKind(target, site, model);
    } else {
      return;
    }
    if (known == TextKind::NotText) return;
    TextKind kind = known;
    if (kind == TextKind::Unknown) {
      kind = textKindOf(value, model, site.function);
      // Only a str value says the target is a str. A bytes value says little: a bytearray, which
      // grows in place, takes `+= b"..."` too. (A list takes a str as well, but extending a list
      // by characters is rare, and a list bound before the loop was ruled out above.)
      if (kind != TextKind::Str) return;
    }
    if (kind != TextKind::Str && kind != TextKind::Bytes) return;
    // A local str is grown in place by CPython; only bytes pay the copy there.
    if (holder == Holder::Local && kind == TextKind::Str) return;
    std::optional<Fix> fix;
    if (targetType == "identifier") {
      fix = joinFix(statement, model.document().text(target), site, model);
    }
    sink.report(kInfo, site, rangeOf(statement), messageFor(holder, kind), std::move(fix));
  }
};

}  // namespace

const Rule& ph201StringConcatInLoop() {
  static const StringConcatInLoop rule;
  return rule;
}

}  // namespace perfhint
