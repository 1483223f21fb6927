// PH504 grow-in-loop: a DataFrame or NumPy array grown by one piece per pass of a loop, each
// step copying everything gathered so far.
//
// Flagged inside a `for` or `while` loop:
//   df = pd.concat([df, piece])          (the name among the pieces)
//   df = df.append(piece)                (df known to be a DataFrame or Series)
//   df.loc[len(df)] = values             (df known to be a DataFrame)
//   arr = np.append(arr, x)
//   arr = np.concatenate([arr, piece])   (also np.vstack, np.hstack, np.row_stack,
//                                         np.column_stack)
// `pd` and `np` are resolved through the imports. Not flagged when every loop around the line
// walks a literal list or tuple (a few passes), when the result goes to another name, or when the
// loop also gives the name a fresh value (`arr = load(part)`): then nothing grows across passes.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/name_rebinding.h"  // builtin len
#include "analysis/rules/support/pandas_values.h"   // is it a DataFrame
#include "analysis/syntax/node_queries.h"           // named children

#include <algorithm>  // find
#include <iterator>   // begin, end
#include <string>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH504",
    .name = "grow-in-loop",
    .summary =
        "A DataFrame or NumPy array grown by one piece per pass of a loop (`pd.concat`, "
        "`np.append`, `df.loc[len(df)] = ...`); each step copies everything so far.",
    .severity = Severity::Warning,
    .fix = FixAvailability::None,
    .whySlow = R"(
A DataFrame or NumPy array holds its data in one block, so it cannot grow in place:
`pd.concat([df, piece])`, `np.append(arr, x)` and `np.concatenate` build a new object and copy
everything gathered so far into it. Done once per pass, the loop copies 1 + 2 + ... + n pieces:
quadratic time. `df.loc[len(df)] = row` enlarges the frame by one row each time, which also
rebuilds it. Measured on CPython 3.11 with pandas 1.5 and NumPy 1.24 (two runs on a busy
machine) for 1,000 rows of two columns: `pd.concat` in the loop takes 270–600 ms and
`df.loc[len(df)] = ...` 0.7–2 s, against 2–5.5 ms for collecting dicts in a list and calling
`pd.DataFrame(rows)` once; `np.append` of 1,000 floats takes 6.4–17 ms against 0.18–0.45 ms for
a list and `np.array(xs)`, and of 10,000 floats 96–215 ms against 2.1–4.1 ms.
`DataFrame.append` copies the same way; it is deprecated since pandas 1.4 and removed in 2.0.
)",
    .useInstead = R"(
Collect the pieces in a Python list, whose `append` costs the same at any size, and build once
after the loop: `pd.DataFrame(rows)` from dicts or tuples, `pd.concat(frames)` from frames,
`np.array(items)` or `np.concatenate(chunks)` from arrays.
)",
    .example = {.before = R"(
import pandas as pd


def squares(n):
    table = pd.DataFrame()
    for i in range(n):
        row = pd.DataFrame({"i": [i], "square": [i * i]})
        table = pd.concat([table, row], ignore_index=True)
    return table


print(squares(4).to_string())
)",
                .after = R"(
import pandas as pd


def squares(n):
    rows = []
    for i in range(n):
        rows.append({"i": i, "square": i * i})
    return pd.DataFrame(rows, columns=["i", "square"])


print(squares(4).to_string())
)"},
    .fixSafety = R"(
No fix: the list to collect into, and how to build the result from it, depend on the pieces.
Building once can also give other dtypes than growing from a frame with empty columns did
(there integer columns become floats or objects; built once they stay integers).
)",
    .measure = {.setup = "", .call = "squares(n).values.tolist()"},
};

constexpr NodeKind kKinds[] = {NodeKind::Assignment};

constexpr std::string_view kNumpyStackers[] = {"numpy.concatenate", "numpy.vstack", "numpy.hstack",
                                               "numpy.row_stack", "numpy.column_stack"};

bool isNamed(TSNode node, std::string_view name, const Document& document) {
  return nodeType(node) == "identifier" && document.text(node) == name;
}

// Whether a list or tuple display holds the name as one of its items.
bool listsName(TSNode display, std::string_view name, const Document& document) {
  std::string_view type = nodeType(display);
  if (type != "list" && type != "tuple") return false;
  bool found = false;
  forEachNamedChild(display, [&](TSNode item) { found = found || isNamed(item, name, document); });
  return found;
}

TSNode firstPositional(TSNode call) {
  TSNode arguments = childByField(call, "arguments");
  if (nodeType(arguments) != "argument_list" || ts_node_named_child_count(arguments) == 0) {
    return {};
  }
  return ts_node_named_child(arguments, 0);
}

// Whether every loop around the site walks a literal list or tuple: a fixed, small count.
bool onlyLiteralLoops(const Site& site, const SemanticModel& model) {
  for (int32_t loop = site.loop; loop != kNoLoop;
       loop = model.loops()[static_cast<size_t>(loop)].parent) {
    const LoopInfo& info = model.loops()[static_cast<size_t>(loop)];
    if (info.kind != NodeKind::ForStatement) return false;
    std::string_view type = nodeType(childByField(info.node, "right"));
    if (type != "list" && type != "tuple") return false;
  }
  return true;
}

// Whether the value of `name` carries over from one pass of the site's innermost loop to the
// next: every binding of the name in the loop reads the name itself (`df = pd.concat([df, x])`,
// `arr = arr.astype(str)`). A loop that starts the name afresh (`arr = load(level)`, a loop
// target) grows it once per pass, which costs no more than building it once.
bool carriesOver(std::string_view name, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  TSNode loop = model.loops()[static_cast<size_t>(site.loop)].node;
  for (TSNode occurrence : variablesNamed(loop, document.text(), name, false)) {
    if (!isBindingOccurrence(occurrence)) continue;
    TSNode parent = syntax::parentOf(occurrence);
    if (nodeType(parent) == "augmented_assignment") continue;
    if (nodeType(parent) != "assignment" || !ts_node_eq(childByField(parent, "left"), occurrence)) {
      return false;
    }
    TSNode value = childByField(parent, "right");
    if (ts_node_is_null(value) || variablesNamed(value, document.text(), name, false).empty()) {
      return false;
    }
  }
  return true;
}

class GrowInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loopDepth == 0 || onlyLiteralLoops(site, model)) return;
    const Document& document = model.document();
    TSNode left = childByField(site.node, "left");
    TSNode right = childByField(site.node, "right");
    if (ts_node_is_null(right)) return;
    if (nodeType(left) == "subscript") {
      checkLocByLength(site, left, model, sink);
      return;
    }
    if (nodeType(left) != "identifier" || nodeType(right) != "call") return;
    std::string_view name = document.text(left);
    TSNode callee = childByField(right, "function");
    TSNode first = firstPositional(right);
    std::string qualified = model.qualifiedName(callee, site.function);
    std::string message = "`";
    message.append(document.text(callee)).append("`");
    if (qualified == "pandas.concat" && listsName(first, name, document)) {
      message.append(
          " in a loop copies the whole frame on every pass; collect the pieces in a list and "
          "concatenate once after the loop");
    } else if (qualified == "numpy.append" && isNamed(first, name, document)) {
      message.append(
          " in a loop copies the whole array on every pass; collect the items in a list and "
          "build the array once after the loop");
    } else if (std::find(std::begin(kNumpyStackers), std::end(kNumpyStackers), qualified) !=
                   std::end(kNumpyStackers) &&
               listsName(first, name, document)) {
      message.append(
          " in a loop copies the whole array on every pass; collect the pieces in a list and "
          "join them once after the loop");
    } else if (qualified.empty() && nodeType(callee) == "attribute" &&
               document.text(childByField(callee, "attribute")) == "append" &&
               isNamed(childByField(callee, "object"), name, document)) {
      ArrayValue kind = arrayValueOf(childByField(callee, "object"), site.function, model);
      if (kind != ArrayValue::DataFrame && kind != ArrayValue::Series) return;
      message.append(
          " in a loop copies the whole frame on every pass (and was removed in pandas "
          "2.0); collect the rows in a list and build the frame once");
    } else {
      return;
    }
    // The costlier questions last: most assignments in loops are not growth at all.
    if ((!qualified.empty() && rootShadowedLocally(callee, site, model)) ||
        !carriesOver(name, site, model)) {
      return;
    }
    sink.report(kInfo, site, rangeOf(right), std::move(message));
  }

 private:
  // `df.loc[len(df)] = values`.
  static void checkLocByLength(const Site& site, TSNode target, const SemanticModel& model,
                               FindingSink& sink) {
    const Document& document = model.document();
    TSNode loc = childByField(target, "value");
    if (nodeType(loc) != "attribute" || document.text(childByField(loc, "attribute")) != "loc") {
      return;
    }
    TSNode frame = childByField(loc, "object");
    TSNode key = childByField(target, "subscript");
    if (nodeType(frame) != "identifier" || nodeType(key) != "call" ||
        ts_node_named_child_count(target) != 2) {
      return;
    }
    TSNode lenCallee = childByField(key, "function");
    TSNode lenArgument = firstPositional(key);
    if (document.text(lenCallee) != "len" || isRebound("len", site, model) ||
        !isNamed(lenArgument, document.text(frame), document) ||
        ts_node_named_child_count(childByField(key, "arguments")) != 1) {
      return;
    }
    if (!carriesOver(document.text(frame), site, model) ||
        arrayValueOf(frame, site.function, model) != ArrayValue::DataFrame) {
      return;
    }
    sink.report(kInfo, site, rangeOf(target),
                "Adding a row with `.loc[len(df)]` in a loop rebuilds the frame on every pass; "
                "collect the rows in a list and build the frame once");
  }
};

}  // namespace

const Rule& ph504GrowInLoop() {
  static const GrowInLoop rule;
  return rule;
}

}  // namespace perfhint
