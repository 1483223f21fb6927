// PH301 readlines-iteration: a file opened in the same scope read whole into memory only to be
// looped over line by line.
//
// Flagged when a file object `f` (bound by `with open(...) as f` or `f = open(...)`, with the
// builtin `open`, `io.open` or `pathlib.Path(...).open`) is read whole and the result feeds one
// loop:
//   for line in f.readlines():               (fix: `for line in f:`)
//   for line in f.read().splitlines():       (no fix: the lines lose their line ends)
//   lines = f.readlines()                    (no fix; `lines` used nowhere else)
//   for line in lines:
//   text = f.read()                          (no fix; `text` used nowhere else)
//   for line in text.splitlines():
// A whole-file read whose result is kept, indexed or used twice is needed and left alone.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable occurrences

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH301",
    .name = "readlines-iteration",
    .summary =
        "A file read whole with `readlines()` or `read()` only to loop over its lines; "
        "iterating the file object reads one line at a time.",
    .severity = Severity::Info,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
`f.readlines()` reads the whole file and builds a list of every line before the loop starts, and
`f.read().splitlines()` holds the whole text and the list at once, so memory grows with the file.
Iterating the file object reads a buffer at a time and yields one line, so memory stays flat.
Measured on CPython 3.11 with a 51 MB file of one million lines, summing line lengths (fastest of
several runs, peak memory from `tracemalloc`): iterating `f` takes 161 ms with a peak under
0.1 MB; `f.readlines()` takes 330 ms with a 108 MB peak; `f.read().splitlines()` takes 310 ms with
a 158 MB peak: holding every line at once costs time too, not only memory. For a 50 kB file of
1,000 lines the three forms take about the same time.

Flagged only for a file opened in the same scope (by the builtin `open`, `io.open` or
`pathlib.Path(...).open`) whose whole content feeds one loop: `for line in f.readlines()`,
`for line in f.read().splitlines()` (or `.split("\n")`), or the same through a variable that
nothing else uses (`lines = f.readlines()` then `for line in lines`). A whole read that is kept,
indexed, used twice or looped over after the `with` block closes the file is left alone.
)",
    .useInstead = R"(
Loop over the file object: `for line in f:`. Each line keeps its line end, as with `readlines()`;
use `line.rstrip("\n")` where `splitlines()` dropped it.
)",
    .example = {.before = R"(
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "log.txt")
with open(path, "w") as out:
    out.write("ok\nerror: disk full\nok\nerror: timeout\n")

with open(path) as log:
    for line in log.readlines():
        if line.startswith("error"):
            print(line, end="")
)",
                .after = R"(
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "log.txt")
with open(path, "w") as out:
    out.write("ok\nerror: disk full\nok\nerror: timeout\n")

with open(path) as log:
    for line in log:
        if line.startswith("error"):
            print(line, end="")
)"},
    .fixSafety = R"(
Offered only for `for line in f.readlines()` (and the same as the first clause of a
comprehension): both yield the same lines, line ends included, and both leave the file at its end
once the loop has run to completion. Unsafe when something can see the file mid-way: `f` used in
the loop (reading, writing or seeking it: `readlines()` has already read everything, iteration
reads ahead in steps, and `tell()` fails while a text file is being iterated), `f` used after a
loop that can stop early (a `break`, or a `try` around the loop in the same function), `f` used
anywhere else when an outer loop repeats the call, or a generator expression, which may run after
the file is closed. `f.close()` is always fine. Never offered for `read().splitlines()`: it strips
line ends, and it also splits at `\v`, `\f`, `\x1c`-`\x1e`, `\x85`, `\u2028` and `\u2029`,
which iterating a text file does not, so the loop would see different strings.
)",
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// How a whole-file read produces what the loop iterates.
enum class WholeRead : uint8_t {
  Lines,      // f.readlines(): lines with their ends
  SplitText,  // f.read().splitlines() or f.read().split("\n")
  Text,       // f.read(): to be split later
};

bool hasNoArguments(TSNode call) {
  TSNode arguments = childByField(call, "arguments");
  if (nodeType(arguments) != "argument_list") return false;
  bool none = true;
  forEachNamedChild(arguments,
                    [&](TSNode argument) { none = none && nodeType(argument) == "comment"; });
  return none;
}

// The object of `object.method(...)` when `call` has that shape, else a null node.
TSNode methodCallObject(TSNode call, std::string_view method, const Document& document) {
  if (nodeType(call) != "call") return {};
  TSNode callee = childByField(call, "function");
  if (nodeType(callee) != "attribute" ||
      document.text(childByField(callee, "attribute")) != method) {
    return {};
  }
  return childByField(callee, "object");
}

// `text.splitlines()` or `text.split("\n")`: the call that splits `text` into lines, if the
// parent of `text` is one.
TSNode lineSplitOf(TSNode text, const Document& document) {
  TSNode attribute = syntax::parentOf(text);
  if (nodeType(attribute) != "attribute" || !ts_node_eq(childByField(attribute, "object"), text)) {
    return {};
  }
  TSNode call = syntax::parentOf(attribute);
  if (nodeType(call) != "call") return {};
  std::string_view method = document.text(childByField(attribute, "attribute"));
  if (method == "splitlines" && hasNoArguments(call)) return call;
  TSNode arguments = childByField(call, "arguments");
  if (method == "split" && ts_node_named_child_count(arguments) == 1) {
    std::string_view separator = document.text(ts_node_named_child(arguments, 0));
    if (separator == R"("\n")" || separator == R"('\n')") return call;
  }
  return {};
}

// The `for` statement or comprehension that iterates `iterable` once per run of the code around
// it: a non-async `for` loop's iterable, or the first clause's iterable of a comprehension.
TSNode loopOver(TSNode iterable) {
  if (ts_node_is_null(iterable)) return {};
  TSNode parent = syntax::parentOf(iterable);
  std::string_view type = nodeType(parent);
  if (type != "for_statement" && type != "for_in_clause") return {};
  if (!ts_node_eq(childByField(parent, "right"), iterable)) return {};
  if (nodeType(ts_node_child(parent, 0)) == "async") return {};
  if (type == "for_statement") return parent;
  TSNode comprehension = syntax::parentOf(parent);
  if (!ts_node_eq(firstChildOfType(comprehension, "for_in_clause"), parent)) return {};
  return comprehension;
}

// Whether an occurrence that binds a name does so in a class body, where it shadows nothing that
// functions see.
bool bindsInClassBody(TSNode occurrence) {
  TSNode at = syntax::parentOf(occurrence);
  std::string_view type = nodeType(at);
  if (type == "function_definition" || type == "class_definition") at = syntax::parentOf(at);
  for (; !ts_node_is_null(at); at = syntax::parentOf(at)) {
    type = nodeType(at);
    if (type == "class_definition") return true;
    if (type == "function_definition" || type == "lambda" || type == "module") return false;
  }
  return false;
}

// Whether a binding made in scope `binder` is visible from `function`: it is the same function,
// an enclosing one, or the module.
bool isVisibleFrom(int32_t binder, int32_t function, const SemanticModel& model) {
  for (int32_t at = function; at != kModuleScope;
       at = model.functions()[static_cast<size_t>(at)].parent) {
    if (at == binder) return true;
  }
  return binder == kModuleScope;
}

// Whether `call` opens a file: the builtin `open` (not rebound where the call can see it),
// `io.open`, or `pathlib.Path(...).open`.
bool opensFile(TSNode call, const SemanticModel& model, int32_t function) {
  if (nodeType(call) != "call") return false;
  const Document& document = model.document();
  TSNode callee = childByField(call, "function");
  if (nodeType(callee) == "identifier" && document.text(callee) == "open") {
    for (TSNode use : variablesNamed(document.root(), document.text(), "open", true)) {
      if (isBindingOccurrence(use) && !bindsInClassBody(use) &&
          isVisibleFrom(model.siteOf(use).function, function, model)) {
        return false;
      }
    }
    return true;
  }
  if (model.qualifiedName(callee, function) == "io.open") return true;
  TSNode path = methodCallObject(call, "open", document);
  return nodeType(path) == "call" &&
         model.qualifiedName(childByField(path, "function"), function) == "pathlib.Path";
}

// Where the file variable is bound, when every binding of it in the scope opens a file.
struct FileBinding {
  bool isFile = false;
  TSNode withStatement{};  // the `with` that bound it last before the use, if any
};

FileBinding fileBindingOf(TSNode file, const SemanticModel& model, int32_t function) {
  const Document& document = model.document();
  FileBinding result;
  for (TSNode use :
       variablesNamed(model.scopeNode(function), document.text(), document.text(file), false)) {
    if (!isBindingOccurrence(use)) continue;
    TSNode parent = syntax::parentOf(use);
    TSNode opener{};
    TSNode withStatement{};
    if (nodeType(parent) == "assignment" && ts_node_eq(childByField(parent, "left"), use)) {
      opener = childByField(parent, "right");
    } else if (nodeType(parent) == "as_pattern_target") {
      TSNode pattern = syntax::parentOf(parent);
      TSNode item = syntax::parentOf(pattern);
      if (nodeType(item) != "with_item") return {};
      opener = ts_node_named_child(pattern, 0);
      withStatement = syntax::parentOf(syntax::parentOf(item));
    } else {
      return {};
    }
    if (!opensFile(opener, model, function)) return {};
    if (ts_node_start_byte(use) < ts_node_start_byte(file)) {
      result.isFile = true;
      result.withStatement = withStatement;
    }
  }
  return result;
}

// For `lines = <read>` with `lines` used exactly once more, as what one loop iterates (`lines`,
// or `lines.splitlines()` when <read> is the whole text): that loop; else a null node.
TSNode loopOverAssigned(TSNode read, WholeRead kind, const SemanticModel& model, int32_t function) {
  const Document& document = model.document();
  TSNode assignment = syntax::parentOf(read);
  if (nodeType(assignment) != "assignment" ||
      !ts_node_eq(childByField(assignment, "right"), read) ||
      nodeType(syntax::parentOf(assignment)) != "expression_statement") {
    return {};
  }
  TSNode target = childByField(assignment, "left");
  if (nodeType(target) != "identifier") return {};
  std::vector<TSNode> uses =
      variablesNamed(model.scopeNode(function), document.text(), document.text(target), true);
  if (uses.size() != 2 || !ts_node_eq(uses[0], target)) return {};
  TSNode use = uses[1];
  TSNode loop = loopOver(kind == WholeRead::Text ? lineSplitOf(use, document) : use);
  if (ts_node_is_null(loop)) return {};
  // Iterated as often as it is read: a list read once and looped over many times is needed.
  Site readSite = model.siteOf(assignment);
  Site useSite = model.siteOf(use);
  if (useSite.function != readSite.function || useSite.loop != readSite.loop) return {};
  return loop;
}

// Whether a `break` in the body can end this `for` loop before the file is exhausted.
bool hasOwnBreak(TSNode node, TSNode loop) {
  std::string_view type = nodeType(node);
  if (type == "break_statement") return true;
  bool nestedScope =
      type == "function_definition" || type == "class_definition" || type == "lambda";
  bool nestedLoop =
      !ts_node_eq(node, loop) && (type == "for_statement" || type == "while_statement");
  if (nestedScope) return false;
  bool found = false;
  forEachNamedChild(node, [&](TSNode child) {
    // A nested loop's `else:` belongs to the outer loop again; its body does not.
    if (found || (nestedLoop && ts_node_eq(child, childByField(node, "body")))) return;
    found = hasOwnBreak(child, loop);
  });
  return found;
}

// Whether an exception from the loop can be caught in the same function, which then runs on.
bool isInsideTry(TSNode loop) {
  for (TSNode at = syntax::parentOf(loop); !ts_node_is_null(at); at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "try_statement") return true;
    if (type == "function_definition" || type == "lambda") return false;
  }
  return false;
}

// Whether replacing `f.readlines()` by `f` keeps meaning. Both forms leave the file at its end
// once the loop has run to completion, so only uses of `f` that can see it mid-way count: in the
// loop itself, after a loop that can stop early (`break`, or an exception caught in the same
// function), and anywhere when a loop around repeats the call. A generator expression may run
// after the file is closed.
bool iterationIsEquivalent(TSNode call, TSNode file, TSNode loop, const Site& site,
                           const SemanticModel& model) {
  if (nodeType(loop) == "generator_expression") return false;
  const Document& document = model.document();
  bool stopsEarly =
      (nodeType(loop) == "for_statement" && hasOwnBreak(loop, loop)) || isInsideTry(loop);
  for (TSNode use : variablesNamed(model.scopeNode(site.function), document.text(),
                                   document.text(file), false)) {
    if (ts_node_eq(use, file) || isBindingOccurrence(use)) continue;
    if (site.loopDepth == 0 && ts_node_start_byte(use) < ts_node_start_byte(call)) continue;
    if (site.loopDepth == 0 && !stopsEarly && ts_node_start_byte(use) >= ts_node_end_byte(loop)) {
      continue;
    }
    TSNode closeCall = syntax::parentOf(syntax::parentOf(use));
    if (ts_node_eq(methodCallObject(closeCall, "close", document), use)) continue;
    return false;
  }
  return true;
}

class ReadlinesIteration final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    const Document& document = model.document();
    TSNode call = site.node;
    WholeRead kind = WholeRead::Lines;
    TSNode file = methodCallObject(call, "readlines", document);
    TSNode produced = call;                  // what the loop or the assignment receives
    bool readsText = ts_node_is_null(file);  // `.read()` rather than `.readlines()`
    if (readsText) file = methodCallObject(call, "read", document);
    // The method's name first: most calls are neither, and it costs less to tell.
    if (ts_node_is_null(file) || !hasNoArguments(call)) return;
    if (readsText) {
      TSNode split = lineSplitOf(call, document);
      kind = ts_node_is_null(split) ? WholeRead::Text : WholeRead::SplitText;
      if (kind == WholeRead::SplitText) produced = split;
    }
    if (nodeType(file) != "identifier") return;

    TSNode loop = kind == WholeRead::Text ? TSNode{} : loopOver(produced);
    bool direct = !ts_node_is_null(loop);
    if (!direct) loop = loopOverAssigned(produced, kind, model, site.function);
    if (ts_node_is_null(loop)) return;

    FileBinding binding = fileBindingOf(file, model, site.function);
    if (!binding.isFile) return;
    // Reading whole and looping after the `with` closes the file is a deliberate early close.
    if (!ts_node_is_null(binding.withStatement) &&
        !rangeOf(childByField(binding.withStatement, "body")).contains(rangeOf(loop))) {
      return;
    }

    std::string name(document.text(file));
    ByteRange reported = rangeOf(produced);
    if (!direct) {
      sink.report(kInfo, site, reported,
                  "The whole file is read into memory only to be looped over once; loop over `" +
                      name + "` there instead");
    } else if (kind == WholeRead::SplitText) {
      sink.report(kInfo, site, reported,
                  "`read()` then splitting holds the whole file and all its lines in memory; "
                  "loop over `" +
                      name + "` and strip the line ends");
    } else {
      std::string message =
          "`readlines()` reads the whole file into a list before the loop "
          "starts; loop over `" +
          name + "` itself";
      if (model.hasCommentIn(rangeOf(call))) {
        sink.report(kInfo, site, reported, std::move(message));
        return;
      }
      FixSafety safety = iterationIsEquivalent(call, file, loop, site, model) ? FixSafety::Safe
                                                                              : FixSafety::Unsafe;
      sink.report(kInfo, site, reported, std::move(message),
                  Fix{"Iterate the file object", safety, {{rangeOf(call), name}}});
    }
  }
};

}  // namespace

const Rule& ph301ReadlinesIteration() {
  static const ReadlinesIteration rule;
  return rule;
}

}  // namespace perfhint
