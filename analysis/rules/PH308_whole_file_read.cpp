// PH308 whole-file-read: a CSV read whole with `pd.read_csv` when the code only ever uses a few
// of its columns.
//
// Flagged when `df = pd.read_csv(...)` (or `pd.read_table`) has no `usecols`, `names`,
// `index_col`, `chunksize`, `iterator` or `**options`, `df` is bound nowhere else in its scope,
// and every use of `df` (in the scope and the functions nested in it) reads columns by name:
// `df["a"]` or `df[["a", "b"]]`, not a store into it. Anything else done with the frame (a method,
// passing or returning it, iterating it) may need every column, and the read is left alone.
//
// Reading a plain file whole (`for line in f.read().splitlines()`, `lines = f.readlines()`) is
// PH301's; `json.load` has no streaming counterpart in the standard library.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/pandas_values.h"  // CSV reads, column reads
#include "analysis/syntax/node_queries.h"          // variable occurrences

#include <algorithm>  // find
#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH308",
    .name = "whole-file-read",
    .summary =
        "A CSV read whole with `pd.read_csv` although the code uses only a few of its columns; "
        "`usecols=` parses and keeps only those.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
`pd.read_csv` parses every field of every row and keeps every column in memory, text columns as
one Python string per row. When the code reads only a few columns, the others are parsed and held
for nothing. `usecols=` makes the parser skip converting the other fields and the frame hold only
what is used. Measured on CPython 3.11 with pandas 1.5 over a CSV of 100,000 rows and 10 columns
(half numbers, half text), reading 2 columns: 178 ms and 35.5 MB for the whole file, 112 ms and
7.1 MB with `usecols`. The example below on 100,000 rows of 4 columns: 162 ms, and 100 ms with
`usecols`.
)",
    .useInstead = R"(
Name the columns the code uses: `pd.read_csv(path, usecols=["region", "amount"])`; add
`dtype=` for them where the types are known. For files too large for memory, `chunksize=` reads
the rows in frames of that many and lets the code aggregate as it goes.
)",
    .example = {.before = R"(
import io

import pandas as pd



def regional_totals(text):
    orders = pd.read_csv(io.StringIO(text))
    return orders[["region", "amount"]].groupby("region").sum().to_dict()


print(regional_totals("region,amount,note,customer\nnorth,10,a,x\nsouth,5,b,y\nnorth,7,c,z\n"))
)",
                .after = R"(
import io

import pandas as pd



def regional_totals(text):
    orders = pd.read_csv(io.StringIO(text), usecols=["region", "amount"])
    return orders[["region", "amount"]].groupby("region").sum().to_dict()


print(regional_totals("region,amount,note,customer\nnorth,10,a,x\nsouth,5,b,y\nnorth,7,c,z\n"))
)"},
    .fixSafety = R"(
No fix: the columns the file holds are not known from the code, so the hint names the columns it
saw used and leaves the change to a look at the data.
)",
    .measure = {.setup = R"(
text = "region,amount,note,customer\n" + "".join(
    f"r{i % 7},{i},note {i},customer {i % 101}\n" for i in range(n))
)",
                .call = "regional_totals(text)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

void addColumn(std::vector<std::string_view>& columns, std::string_view column) {
  if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
    columns.push_back(column);
  }
}

// The columns `df[...]` reads at `use`, or false when the use is anything else.
bool columnsReadAt(TSNode use, const Document& document, std::vector<std::string_view>& columns) {
  TSNode subscript = syntax::parentOf(use);
  if (nodeType(subscript) != "subscript" || !ts_node_eq(childByField(subscript, "value"), use)) {
    return false;
  }
  TSNode holder = syntax::parentOf(subscript);
  std::string_view holderType = nodeType(holder);
  bool stored = (holderType == "assignment" || holderType == "augmented_assignment") &&
                ts_node_eq(childByField(holder, "left"), subscript);
  if (stored || holderType == "delete_statement") return false;
  std::string_view column = subscriptColumn(use, document);
  if (!column.empty()) {
    addColumn(columns, column);
    return true;
  }
  TSNode key = childByField(subscript, "subscript");
  if (nodeType(key) != "list" || ts_node_named_child_count(subscript) != 2 ||
      ts_node_named_child_count(key) == 0) {
    return false;
  }
  bool plain = true;
  forEachNamedChild(key, [&](TSNode item) {
    std::string_view name = plainStringContent(item, document);
    plain = plain && !name.empty();
    if (plain) addColumn(columns, name);
  });
  return plain;
}

class WholeFileRead final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    const Document& document = model.document();
    TSNode call = site.node;
    TSNode left = csvReadTarget(
        site, model, {"usecols", "names", "index_col", "chunksize", "iterator", "nrows"});
    if (ts_node_is_null(left)) return;
    std::string_view frame = document.text(left);
    TSNode scope = model.scopeNode(site.function);
    std::vector<std::string_view> columns;
    bool used = false;
    for (TSNode use : referencesToVariable(scope, document.text(), frame)) {
      if (ts_node_eq(use, left)) continue;
      if (isBindingOccurrence(use) || !columnsReadAt(use, document, columns)) return;
      used = true;
    }
    if (!used) return;
    std::string names, list;
    for (std::string_view column : columns) {
      if (!names.empty()) {
        names.append(", ");
        list.append(", ");
      }
      names.append("`").append(column).append("`");
      list.append("\"").append(column).append("\"");
    }
    std::string message = "Only column";
    message.append(columns.size() == 1 ? " " : "s ").append(names);
    message.append(" of this file ").append(columns.size() == 1 ? "is" : "are");
    message.append(" used; `usecols=[").append(list).append("]` skips parsing the others");
    sink.report(kInfo, site, rangeOf(call), std::move(message));
  }
};

}  // namespace

const Rule& ph308WholeFileRead() {
  static const WholeFileRead rule;
  return rule;
}

}  // namespace perfhint
