// PH103 range-len-index: `for i in range(len(seq))` where the index only serves to read `seq[i]`.
//
// Flagged (at `range(len(seq))`) when `seq` is a name or attribute chain, and in the loop body
// every use of `i` is a read of `seq[i]` (at least one) and `seq` appears nowhere else. Then
// `for item in seq:` does the same with less work per item.
// Not flagged when the index is used for anything else (`print(i, seq[i])`, `other[i]`,
// `seq[i + 1]`), when `seq[i]` is written or deleted, when `seq` is used otherwise in the body
// (it may change: `range(len(seq))` is fixed when the loop starts), when a `lambda`, `def` or
// generator expression in the body reads `seq[i]` later, when `i` may be read after the loop
// (a search that `break`s at the index it wants), or when `range` or `len` is rebound.
// `enumerate` is not suggested for loops that need the index too: measured, it is no faster.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable references

#include <algorithm>  // find, none_of
#include <iterator>   // begin, end
#include <optional>
#include <set>  // names in use
#include <string>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH103",
    .name = "range-len-index",
    .summary =
        "`for i in range(len(seq))` where `i` only indexes `seq[i]`; iterating `seq` "
        "directly skips the index arithmetic and lookups.",
    .severity = Severity::Info,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
Each pass of `for i in range(len(seq))` makes an integer for `i`, then `seq[i]` looks the item up
again, once per read. `for item in seq:` takes each item straight from the sequence's iterator.
Measured on CPython 3.11 over a list of one million strings, with a body that only reads the
item: 16 ms with `range(len(seq))` and `seq[i]`, 6.5 ms with `for item in seq:`. `enumerate` is
no faster when the index is needed as well (20 ms here: it builds and unpacks a pair per item),
so loops that use the index for more than `seq[i]` are not flagged.
)",
    .useInstead = R"(
Iterate the sequence: `for item in seq:`, using `item` wherever the body read `seq[i]`. When
the index is needed too, `for i, item in enumerate(seq):` reads better but is not faster.
)",
    .example = {.before = R"(
def total_length(words):
    total = 0
    for i in range(len(words)):
        total += len(words[i])
    return total

print(total_length(["fast", "python", "loops"]))
)",
                .after = R"(
def total_length(words):
    total = 0
    for word in words:
        total += len(word)
    return total

print(total_length(["fast", "python", "loops"]))
)"},
    .fixSafety = R"(
Always unsafe: the rule cannot see the type of `seq`. Iterating a mapping gives its keys where
`d[i]` gave values, and a class may define `__getitem__` and `__iter__` differently. `seq` may also
change size during the loop through code the rule does not see (a method called on `self`):
`range(len(seq))` was fixed when the loop started, iteration follows the changes.

The fix renames the item after `seq` (`words` gives `word`; otherwise `item`, `value`, ...),
choosing a name the function does not use. No fix when a comment lies in a replaced part, or in
a class body. Loops whose index is read after them are not flagged: the new loop would not set it,
and neither are loops over `self`, which often define the class's own iteration.
)",
    .measure = {.setup = "words = [\"w\" * (i % 7) for i in range(n)]",
                .call = "total_length(words)"},
};

constexpr NodeKind kKinds[] = {NodeKind::ForStatement};

// Pieces of `for i in range(len(seq)):`, found by matchHeader.
struct IndexLoop {
  TSNode loop;
  TSNode index;   // i
  TSNode length;  // range(len(seq))
  TSNode sequence;
};

// The single positional argument of a call to the plain name `callee`, or null.
TSNode onlyArgumentOf(TSNode call, std::string_view callee, const Document& document) {
  if (nodeType(call) != "call") return TSNode{};
  TSNode function = childByField(call, "function");
  TSNode arguments = childByField(call, "arguments");
  if (nodeType(function) != "identifier" || document.text(function) != callee ||
      nodeType(arguments) != "argument_list" || ts_node_named_child_count(arguments) != 1) {
    return TSNode{};
  }
  TSNode argument = ts_node_named_child(arguments, 0);
  std::string_view type = nodeType(argument);
  if (type == "keyword_argument" || type == "list_splat" || type == "dictionary_splat" ||
      type == "comment") {
    return TSNode{};
  }
  return argument;
}

// A name, or an attribute chain of names: `items`, `self.items`.
bool isNameChain(TSNode node) {
  std::string_view type = nodeType(node);
  if (type == "identifier") return true;
  return type == "attribute" && isNameChain(childByField(node, "object"));
}

std::optional<IndexLoop> matchHeader(TSNode loop, const Document& document) {
  if (nodeType(loop) != "for_statement" || nodeType(ts_node_child(loop, 0)) == "async") {
    return std::nullopt;
  }
  TSNode index = childByField(loop, "left");
  TSNode length = childByField(loop, "right");
  if (nodeType(index) != "identifier") return std::nullopt;
  TSNode sequence = onlyArgumentOf(onlyArgumentOf(length, "range", document), "len", document);
  if (ts_node_is_null(sequence) || !isNameChain(sequence)) return std::nullopt;
  return IndexLoop{loop, index, length, sequence};
}

// Whether `name` is bound in the module or a function around `node` (a class body's names do
// not reach the loops in its methods).
bool isRebound(std::string_view name, TSNode node, const Document& document) {
  for (TSNode use : variablesNamed(document.root(), document.text(), name, true)) {
    if (!isBindingOccurrence(use)) continue;
    TSNode scope = syntax::parentOf(use);
    if (nodeType(scope) == "function_definition" || nodeType(scope) == "class_definition") {
      scope = syntax::parentOf(scope);  // a def's name binds where the def stands
    }
    while (!ts_node_is_null(scope) && nodeType(scope) != "function_definition" &&
           nodeType(scope) != "class_definition" && nodeType(scope) != "module") {
      scope = syntax::parentOf(scope);
    }
    if (nodeType(scope) == "module") return true;
    if (nodeType(scope) == "function_definition" && rangeOf(scope).contains(rangeOf(node))) {
      return true;
    }
  }
  return false;
}

// Whether `seq` itself, or a binding of a prefix of its chain (`self = ...` for `self.items`),
// appears under `node` anywhere but as the value of one of `reads`.
bool touchesSequence(TSNode node, std::string_view sequence, const std::vector<TSNode>& reads,
                     const Document& document) {
  std::string_view type = nodeType(node);
  if (type == "identifier" || type == "attribute") {
    TSNode parent = syntax::parentOf(node);
    std::string_view parentType = nodeType(parent);
    bool isMember =
        (parentType == "attribute" && ts_node_eq(childByField(parent, "attribute"), node)) ||
        (parentType == "keyword_argument" && ts_node_eq(childByField(parent, "name"), node));
    std::string_view text = document.text(node);
    auto isOneOfReads = [&](TSNode read) { return ts_node_eq(read, parent); };
    if (!isMember && text == sequence && std::none_of(reads.begin(), reads.end(), isOneOfReads)) {
      return true;
    }
    if (!isMember && sequence.size() > text.size() && sequence.starts_with(text) &&
        sequence[text.size()] == '.' && isBindingOccurrence(node)) {
      return true;
    }
  }
  bool touched = false;
  forEachNamedChild(node, [&](TSNode child) {
    touched = touched || touchesSequence(child, sequence, reads, document);
  });
  return touched;
}

// The reads `seq[i]` in the loop body when they are the only uses of `i` and of `seq` there;
// empty otherwise.
std::vector<TSNode> itemReads(const IndexLoop& loop, const Document& document) {
  std::string_view source = document.text();
  std::string_view sequence = document.text(loop.sequence);
  TSNode body = childByField(loop.loop, "body");
  std::vector<TSNode> reads;
  for (TSNode use : variablesNamed(body, source, document.text(loop.index), true)) {
    TSNode subscript = syntax::parentOf(use);
    if (nodeType(subscript) != "subscript" ||
        !ts_node_eq(childByField(subscript, "subscript"), use) ||
        ts_node_named_child_count(subscript) != 2) {
      return {};
    }
    TSNode value = childByField(subscript, "value");
    // isBindingOccurrence looks at the position, not the node type: it tells a store or a
    // `del` of `seq[i]` from a read.
    if (!isNameChain(value) || document.text(value) != sequence || isBindingOccurrence(subscript) ||
        inDeferredCode(subscript, loop.loop)) {
      return {};
    }
    reads.push_back(subscript);
  }
  if (reads.empty()) return {};

  return touchesSequence(body, sequence, reads, document) ? std::vector<TSNode>{} : reads;
}

bool isReservedName(std::string_view name) {
  static constexpr std::string_view kReserved[] = {
      // keywords and soft keywords
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
      "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield", "match", "case", "type", "_",
      // builtins that would read badly when shadowed
      "all", "any", "bytes", "dict", "dir", "filter", "format", "hash", "id", "input", "int",
      "iter", "len", "list", "map", "max", "min", "next", "object", "open", "range", "set", "str"};
  return std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved);
}

// `words` gives `word`, `entries` gives `entry`, `boxes` gives `box`; empty when unsure.
std::string singular(std::string_view plural) {
  if (plural.size() > 3 && plural.ends_with("ies")) {
    return std::string(plural.substr(0, plural.size() - 3)) + "y";
  }
  for (std::string_view ending : {"ches", "shes", "sses", "xes"}) {
    if (plural.size() > ending.size() && plural.ends_with(ending)) {
      return std::string(plural.substr(0, plural.size() - 2));
    }
  }
  if (plural.size() > 1 && plural.ends_with("s") && !plural.ends_with("ss") &&
      !plural.ends_with("us") && !plural.ends_with("is")) {
    return std::string(plural.substr(0, plural.size() - 1));
  }
  return {};
}

void collectIdentifiers(TSNode node, const Document& document, std::set<std::string_view>& names) {
  if (nodeType(node) == "identifier") names.insert(document.text(node));
  forEachNamedChild(node, [&](TSNode child) { collectIdentifiers(child, document, names); });
}

// The name for the item: one no code in `scope` uses, and not one an enclosing index loop's fix
// would take, so fixes of nested loops applied together cannot clash.
std::string itemName(const IndexLoop& loop, TSNode scope, const Document& document) {
  std::set<std::string_view> taken;
  collectIdentifiers(scope, document, taken);
  std::set<std::string> outer;
  for (TSNode at = syntax::parentOf(loop.loop); !ts_node_is_null(at) && !ts_node_eq(at, scope);
       at = syntax::parentOf(at)) {
    if (std::optional<IndexLoop> enclosing = matchHeader(at, document)) {
      outer.insert(itemName(*enclosing, scope, document));
    }
  }
  auto isFree = [&](const std::string& name) {
    return !name.empty() && !isReservedName(name) && !taken.count(name) && !outer.count(name);
  };
  std::string_view sequence = document.text(loop.sequence);
  size_t dot = sequence.rfind('.');
  std::string derived =
      singular(dot == std::string_view::npos ? sequence : sequence.substr(dot + 1));
  if (isFree(derived)) return derived;
  for (int suffix = 1;; ++suffix) {
    for (std::string base : {"item", "value", "element"}) {
      std::string name = suffix == 1 ? base : base + std::to_string(suffix);
      if (isFree(name)) return name;
    }
  }
}

std::optional<Fix> iterationFix(const IndexLoop& loop, const std::vector<TSNode>& reads,
                                TSNode scope, const SemanticModel& model) {
  const Document& document = model.document();
  ByteRange header{ts_node_start_byte(loop.index), ts_node_end_byte(loop.length)};
  if (inClassBody(loop.loop) || model.hasCommentIn(header)) return std::nullopt;
  for (TSNode read : reads) {
    if (model.hasCommentIn(rangeOf(read))) return std::nullopt;
  }
  std::string name = itemName(loop, scope, document);
  Fix fix{"Iterate `" + std::string(document.text(loop.sequence)) + "` directly",
          FixSafety::Unsafe,
          {{header, name + " in " + std::string(document.text(loop.sequence))}}};
  for (TSNode read : reads) fix.edits.push_back({rangeOf(read), name});
  return fix;
}

class RangeLenIndex final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    const Document& document = model.document();
    std::optional<IndexLoop> loop = matchHeader(site.node, document);
    if (!loop) return;
    std::vector<TSNode> reads = itemReads(*loop, document);
    if (reads.empty() || isRebound("range", loop->loop, document) ||
        isRebound("len", loop->loop, document)) {
      return;
    }
    // An index read after the body (an `else:` included) is needed: a search that `break`s.
    TSNode scope = site.function == kModuleScope
                       ? document.root()
                       : model.functions()[static_cast<size_t>(site.function)].node;
    ByteRange loopUpToElse{ts_node_start_byte(loop->loop),
                           ts_node_end_byte(childByField(loop->loop, "body"))};
    if (mayReadVariableOutside(scope, document.text(), document.text(loop->index), loopUpToElse)) {
      return;
    }
    std::string sequence(document.text(loop->sequence));
    // A class that indexes itself this way is often defining its own iteration (`__iter__` that
    // yields `self[i]`): `for item in self` there would call `__iter__` again, forever.
    if (sequence == "self") return;
    // The cost is paid once per pass of this loop: count it as inside the loop.
    Site perItem = model.siteOf(childByField(loop->loop, "body"));
    sink.report(kInfo, perItem, rangeOf(loop->length),
                "`" + sequence + "` is only read as `" + sequence + "[" +
                    std::string(document.text(loop->index)) + "]`; iterate over `" + sequence +
                    "` directly",
                iterationFix(*loop, reads, scope, model));
  }
};

}  // namespace

const Rule& ph103RangeLenIndex() {
  static const RangeLenIndex rule;
  return rule;
}

}  // namespace perfhint
