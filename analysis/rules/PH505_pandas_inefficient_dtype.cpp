// PH505 pandas-inefficient-dtype: `df = pd.read_csv(...)` without `dtype=` whose text columns
// the code then uses as labels, where the `category` dtype would hold each label once.
//
// Flagged at the read when, in the same scope and while `df` still holds what the read returned,
// a column `df["col"]` is used as a label at least twice: counted (`df["col"].value_counts()`),
// grouped by (`df.groupby("col")`) or compared with a string (`df["col"] == "paid"`). A single use
// is left alone: converting to `category` costs about as much as one count. Off by default: the
// advice suits large frames with few distinct labels, and the file cannot show either.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/pandas_values.h"  // CSV reads, column reads
#include "analysis/syntax/node_queries.h"          // variable occurrences

#include <algorithm>  // find_if
#include <string>
#include <utility>  // pair
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH505",
    .name = "pandas-inefficient-dtype",
    .summary =
        "A CSV read without `dtype=` whose text columns are then counted, grouped or compared "
        "with labels; the `category` dtype stores each label once.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
`pd.read_csv` stores a text column as Python string objects, one per row. Counting its values,
grouping by it or comparing it with a label hashes or compares every one of those strings. A
`category` column stores each distinct label once and an integer code per row, so the same
operations work on the codes. Measured on CPython 3.11 with pandas 1.5 over 100,000 rows with 5
labels: `value_counts()` takes 39 ms on the strings and 3.0 ms on a category, `s == "paid"`
26 ms and 0.26 ms, and the column takes 6.3 MB against 0.1 MB; reading with
`dtype={"status": "category"}` took no longer than reading the strings. The example below (read,
count, filter) takes 46 ms on 100,000 rows and 27 ms with the dtype; on 1,000 rows both take
under 3 ms. Flagged only when a column is used as a label at least twice: converting costs about
one count.
)",
    .useInstead = R"(
Read the label columns as categories: `pd.read_csv(path, dtype={"status": "category"})`, or
convert once with `df["status"] = df["status"].astype("category")`.
)",
    .example = {.before = R"(
import io

import pandas as pd



def status_report(text):
    orders = pd.read_csv(io.StringIO(text))
    counts = orders["status"].value_counts().sort_index().to_dict()
    paid = orders[orders["status"] == "paid"]["amount"].sum()
    return counts, int(paid)


print(status_report("status,amount\npaid,10\nopen,5\npaid,7\nrefunded,3\n"))
)",
                .after = R"(
import io

import pandas as pd



def status_report(text):
    orders = pd.read_csv(io.StringIO(text), dtype={"status": "category"})
    counts = orders["status"].value_counts().sort_index().to_dict()
    paid = orders[orders["status"] == "paid"]["amount"].sum()
    return counts, int(paid)


print(status_report("status,amount\npaid,10\nopen,5\npaid,7\nrefunded,3\n"))
)"},
    .fixSafety = R"(
No fix: a category column behaves differently in places (`groupby` lists every category, also
unused ones, unless `observed=True`; sorting follows the category order; assigning a label that is
not a category yet fails), so the change needs a look at the code that uses the column.
)",
    .measure = {.setup = R"(
text = "status,amount\n" + "".join(
    f"{('paid', 'open', 'refunded')[i % 3]},{i}\n" for i in range(n))
)",
                .call = "status_report(text)"},
    .enabledByDefault = false,
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// The column used as a label at `use` (an occurrence of the frame's name), or empty.
std::string_view labelColumnAt(TSNode use, const Document& document) {
  TSNode parent = syntax::parentOf(use);
  // `df.groupby("col")`
  if (nodeType(parent) == "attribute" && ts_node_eq(childByField(parent, "object"), use) &&
      document.text(childByField(parent, "attribute")) == "groupby") {
    TSNode call = syntax::parentOf(parent);
    TSNode arguments = childByField(call, "arguments");
    if (nodeType(call) != "call" || ts_node_named_child_count(arguments) == 0) return {};
    return plainStringContent(ts_node_named_child(arguments, 0), document);
  }
  std::string_view column = subscriptColumn(use, document);
  if (column.empty()) return {};
  TSNode subscript = parent;
  TSNode above = syntax::parentOf(subscript);
  // `df["col"].value_counts()`
  if (nodeType(above) == "attribute" &&
      document.text(childByField(above, "attribute")) == "value_counts" &&
      nodeType(syntax::parentOf(above)) == "call") {
    return column;
  }
  // `df["col"] == "label"` (either side)
  if (nodeType(above) == "comparison_operator" && ts_node_named_child_count(above) == 2) {
    TSNode left = ts_node_named_child(above, 0), right = ts_node_named_child(above, 1);
    std::string_view op =
        document.text(ByteRange{ts_node_end_byte(left), ts_node_start_byte(right)});
    bool equality =
        op.find("==") != std::string_view::npos || op.find("!=") != std::string_view::npos;
    TSNode other = ts_node_eq(left, subscript) ? right : left;
    if (equality && nodeType(other) == "string" && isPlainString(other)) return column;
  }
  return {};
}

class PandasInefficientDtype final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    const Document& document = model.document();
    TSNode call = site.node;
    TSNode left = csvReadTarget(site, model, {"dtype", "chunksize", "iterator"});
    if (ts_node_is_null(left)) return;
    std::string_view frame = document.text(left);
    TSNode statement = syntax::parentOf(syntax::parentOf(left));  // `frame = pd.read_csv(...)`
    TSNode scope = model.scopeNode(site.function);

    std::vector<std::pair<std::string_view, int>> uses;  // column, label uses
    for (TSNode use : variablesNamed(scope, document.text(), frame, false)) {
      if (ts_node_start_byte(use) < ts_node_end_byte(statement)) continue;
      // Still the frame this read returned.
      const Binding* binding = model.bindingBefore(frame, site.function, ts_node_start_byte(use));
      if (!binding || !ts_node_eq(binding->statement, statement)) continue;
      std::string_view column = labelColumnAt(use, document);
      if (column.empty()) continue;
      auto known = std::find_if(uses.begin(), uses.end(),
                                [&](const auto& entry) { return entry.first == column; });
      if (known == uses.end()) {
        uses.emplace_back(column, 1);
      } else {
        ++known->second;
      }
    }
    std::string columns, dtype;
    for (const auto& [column, count] : uses) {
      if (count < 2) continue;
      if (!columns.empty()) {
        columns.append(", ");
        dtype.append(", ");
      }
      columns.append("`").append(column).append("`");
      dtype.append("\"").append(column).append("\": \"category\"");
    }
    if (columns.empty()) return;
    std::string message = "Text columns used as labels (";
    message.append(columns).append(") are read as strings; `dtype={");
    message.append(dtype).append("}` stores each label once");
    sink.report(kInfo, site, rangeOf(call), std::move(message));
  }
};

}  // namespace

const Rule& ph505PandasInefficientDtype() {
  static const PandasInefficientDtype rule;
  return rule;
}

}  // namespace perfhint
