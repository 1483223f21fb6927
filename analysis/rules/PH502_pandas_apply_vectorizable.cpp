// PH502 pandas-apply-vectorizable: `s.apply(lambda x: ...)`, `s.map(lambda x: ...)` and
// `df.apply(lambda row: ..., axis=1)` whose lambda is one vectorised expression in disguise.
//
// Flagged only when the receiver is known to be a Series (for `apply`/`map` without arguments
// other than the lambda) or a DataFrame (for `apply(..., axis=1)`), by what the code shows (see
// pandas_values.h): an unannotated parameter is not enough, since `apply` and `map` are common
// method names. The lambda must take one plain parameter and its body must be:
//   - arithmetic (`+ - * / // % **`, unary minus) and at most one comparison (`< <= > >= == !=`)
//     of the item and numbers (strings only in `==`/`!=`): becomes the same expression on the
//     Series (`s * 2 + 1`, `s > 0`);
//   - for rows, arithmetic and comparison of columns (`row.a + row["b"]`) and numbers: becomes
//     `df["a"] + df["b"]`.
// Boolean `and`/`or`/`not`, chained comparisons, calls (string methods included: `.str.upper()`
// measured slower than `apply(lambda x: x.upper())`) and names other than the parameter make the
// lambda stay a lambda.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/name_list.h"      // fixed lists of names
#include "analysis/rules/support/pandas_values.h"  // is it a Series
#include "analysis/syntax/node_queries.h"          // named children

#include <optional>
#include <string>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH502",
    .name = "pandas-apply-vectorizable",
    .summary =
        "`apply`/`map` with a lambda that is plain arithmetic or a comparison; the same "
        "expression on the whole Series runs in one compiled pass.",
    .severity = Severity::Info,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
`s.apply(f)` and `s.map(f)` call the Python function once per item, boxing each value into a
Python object and collecting the results into a new array; `df.apply(f, axis=1)` also builds a
Series for every row. The same arithmetic or comparison written on the Series runs in NumPy's
compiled loops. Measured on CPython 3.11 with pandas 1.5 over 10,000 rows (on a busy machine;
the ratios held across runs): `s.apply(lambda x: x * 2 + 1)` takes 5.2 ms and `s * 2 + 1` 0.19 ms;
`s.map(lambda x: x > 5)` 3.9 ms and `s > 5` 0.11 ms;
`df.apply(lambda row: row.price * row.qty, axis=1)` 164–260 ms and `df["price"] * df["qty"]`
0.07–0.18 ms. String methods are not flagged: `.str` loops in Python over the objects too, and
measured slower than the lambda (`s.str.upper()` 27 ms against 16 ms for
`s.apply(lambda x: x.upper())` over 100,000 strings).
)",
    .useInstead = R"(
Write the expression on the Series or columns: `s * 2 + 1`, `s > 5`, `s == "paid"`,
`df["price"] * df["qty"]`.
)",
    .example = {.before = R"(
import pandas as pd


def with_tax(prices: pd.Series):
    return prices.apply(lambda p: p * 1.2 + 0.5)


prices = pd.Series([2.5, 4.0, 1.25, 8.0], name="price")
print(with_tax(prices).round(2).tolist())
)",
                .after = R"(
import pandas as pd


def with_tax(prices: pd.Series):
    return prices * 1.2 + 0.5


prices = pd.Series([2.5, 4.0, 1.25, 8.0], name="price")
print(with_tax(prices).round(2).tolist())
)"},
    .fixSafety = R"(
Always unsafe, for reasons that depend on the data. Arithmetic: `apply` computes on Python
numbers, so integer results that overflow 64 bits become Python integers instead of wrapping, and
a division by zero raises instead of giving `inf`. Comparisons: an item that is `None` raises
`TypeError` in an ordering (`x > 0`) but compares as false on the Series. Rows: `apply(axis=1)`
gives each row one dtype (integers read as floats next to float columns) and returns a Series
without a name, while `df["a"] * 2` keeps the name `a`. On an empty Series the result's dtype can
differ too.
)",
    .measure = {.setup = "prices = pd.Series([i * 0.5 for i in range(n)])",
                .call = "with_tax(prices).tolist()"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

constexpr std::string_view kArithmetic[] = {"+", "-", "*", "/", "//", "%", "**"};
constexpr std::string_view kOrderings[] = {"<", "<=", ">", ">="};

bool isNumber(TSNode node) {
  return nodeType(node) == "integer" || nodeType(node) == "float";
}

// Rewrites a lambda body into the expression on the receiver, or gives up.
class VectorisedForm {
 public:
  VectorisedForm(std::string_view parameter, std::string_view receiver, bool rows,
                 const Document& document)
      : parameter_(parameter), receiver_(receiver), rows_(rows), document_(document) {}

  // The rewritten body, or nullopt.
  std::optional<std::string> of(TSNode body) {
    std::optional<std::string> result = expression(body, 0);
    if (!result || !usesItem_) return std::nullopt;
    return result;
  }

  int itemUses() const { return itemUses_; }

 private:
  // Arithmetic and at most one comparison; `comparisons` counts those above the node.
  std::optional<std::string> expression(TSNode node, int comparisons) {
    std::string_view type = nodeType(node);
    if (type == "parenthesized_expression" && ts_node_named_child_count(node) == 1) {
      TSNode innerNode = ts_node_named_child(node, 0);
      auto inner = expression(innerNode, comparisons);
      if (!inner) return std::nullopt;
      return between(node, innerNode, true) + *inner + between(node, innerNode, false);
    }
    if (isNumber(node)) return std::string(document_.text(node));
    if (type == "unary_operator") {
      std::string_view op = document_.text(childByField(node, "operator"));
      TSNode argumentNode = childByField(node, "argument");
      auto argument = expression(argumentNode, comparisons);
      if ((op != "-" && op != "+") || !argument) return std::nullopt;
      return between(node, argumentNode, true) + *argument;
    }
    if (type == "binary_operator") {
      std::string_view op = document_.text(childByField(node, "operator"));
      if (!isOneOf(kArithmetic, op)) return std::nullopt;
      TSNode leftNode = childByField(node, "left"), rightNode = childByField(node, "right");
      auto left = expression(leftNode, comparisons);
      auto right = expression(rightNode, comparisons);
      if (!left || !right) return std::nullopt;
      return *left + gap(leftNode, rightNode) + *right;
    }
    if (type == "comparison_operator") {
      // `a < x < b` cannot be written on a Series: its `and` needs one truth value.
      if (comparisons > 0 || ts_node_named_child_count(node) != 2) return std::nullopt;
      TSNode left = ts_node_named_child(node, 0), right = ts_node_named_child(node, 1);
      std::string_view op =
          document_.text(ByteRange{ts_node_end_byte(left), ts_node_start_byte(right)});
      op = trim(op);
      bool equality = op == "==" || op == "!=";
      if (!equality && !isOneOf(kOrderings, op)) return std::nullopt;
      auto leftText = operand(left, equality);
      auto rightText = operand(right, equality);
      if (!leftText || !rightText) return std::nullopt;
      return *leftText + gap(left, right) + *rightText;
    }
    return item(node);
  }

  // A comparison operand; plain strings are allowed in equality tests.
  std::optional<std::string> operand(TSNode node, bool equality) {
    if (equality && !plainStringContent(node, document_).empty()) {
      return std::string(document_.text(node));
    }
    return expression(node, 1);
  }

  // The item itself (`x`), or for rows a column (`row.a`, `row["a"]`).
  std::optional<std::string> item(TSNode node) {
    std::string_view type = nodeType(node);
    if (!rows_) {
      if (type != "identifier" || document_.text(node) != parameter_) return std::nullopt;
      usesItem_ = true;
      ++itemUses_;
      return std::string(receiver_);
    }
    std::string_view column;
    if (type == "attribute") {
      TSNode object = childByField(node, "object");
      column = document_.text(childByField(node, "attribute"));
      if (nodeType(object) != "identifier" || document_.text(object) != parameter_ ||
          isSeriesAttribute(column)) {
        return std::nullopt;
      }
    } else if (type == "subscript" && ts_node_named_child_count(node) == 2) {
      TSNode object = childByField(node, "value");
      if (nodeType(object) != "identifier" || document_.text(object) != parameter_) {
        return std::nullopt;
      }
      column = plainStringContent(childByField(node, "subscript"), document_);
    }
    if (column.empty() || column.find('"') != std::string_view::npos ||
        column.find('\\') != std::string_view::npos) {
      return std::nullopt;
    }
    usesItem_ = true;
    ++itemUses_;
    return std::string(receiver_) + "[\"" + std::string(column) + "\"]";
  }

  // The source text between two sibling nodes: the operator with its spacing as written.
  std::string gap(TSNode left, TSNode right) const {
    return std::string(
        document_.text(ByteRange{ts_node_end_byte(left), ts_node_start_byte(right)}));
  }

  // The source text of `outer` before (or after) `inner`.
  std::string between(TSNode outer, TSNode inner, bool before) const {
    ByteRange range = before ? ByteRange{ts_node_start_byte(outer), ts_node_start_byte(inner)}
                             : ByteRange{ts_node_end_byte(inner), ts_node_end_byte(outer)};
    return std::string(document_.text(range));
  }

  static std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    return text;
  }

  std::string_view parameter_;
  std::string_view receiver_;
  bool rows_;
  const Document& document_;
  bool usesItem_ = false;
  int itemUses_ = 0;
};

// Whether the call can be replaced by an operator expression without parentheses.
bool operatorFitsWithoutParentheses(TSNode call) {
  TSNode parent = syntax::parentOf(call);
  std::string_view type = nodeType(parent);
  if (type == "subscript") return ts_node_eq(childByField(parent, "subscript"), call);
  if (type == "assignment" || type == "augmented_assignment") {
    return ts_node_eq(childByField(parent, "right"), call);
  }
  return type == "expression_statement" || type == "argument_list" || type == "keyword_argument" ||
         type == "return_statement" || type == "parenthesized_expression" || type == "list" ||
         type == "tuple" || type == "set" || type == "pair";
}

class PandasApplyVectorizable final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    const Document& document = model.document();
    TSNode call = site.node;
    TSNode callee = childByField(call, "function");
    if (nodeType(callee) != "attribute") return;
    std::string_view method = document.text(childByField(callee, "attribute"));
    if (method != "apply" && method != "map") return;
    TSNode arguments = childByField(call, "arguments");
    if (nodeType(arguments) != "argument_list") return;
    TSNode function{};
    bool byRow = false, other = false;
    forEachNamedChild(arguments, [&](TSNode argument) {
      std::string_view type = nodeType(argument);
      if (type == "lambda" && ts_node_is_null(function)) {
        function = argument;
      } else if (type == "keyword_argument" &&
                 document.text(childByField(argument, "name")) == "axis") {
        std::string_view value = document.text(childByField(argument, "value"));
        byRow = value == "1" || value == "\"columns\"" || value == "'columns'";
        other = other || !byRow;
      } else {
        other = true;
      }
    });
    if (ts_node_is_null(function) || other || (byRow && method != "apply")) return;
    TSNode parameters = childByField(function, "parameters");
    if (ts_node_named_child_count(parameters) != 1 ||
        nodeType(ts_node_named_child(parameters, 0)) != "identifier") {
      return;
    }
    TSNode receiver = childByField(callee, "object");
    ArrayValue expected = byRow ? ArrayValue::DataFrame : ArrayValue::Series;
    if (arrayValueOf(receiver, site.function, model) != expected) return;

    std::string_view receiverText = document.text(receiver);
    VectorisedForm form(document.text(ts_node_named_child(parameters, 0)), receiverText, byRow,
                        document);
    TSNode body = childByField(function, "body");
    std::string_view bodyType = nodeType(body);
    if (bodyType == "identifier") return;  // `lambda x: x` computes nothing
    std::optional<std::string> rewritten = form.of(body);
    if (!rewritten) return;
    // Writing the receiver twice evaluates it twice: fine for a name or a column, not a call.
    bool repeatable = isNameOrAttributeChain(receiver) || nodeType(receiver) == "subscript";
    std::optional<Fix> fix;
    if ((form.itemUses() == 1 || repeatable) && !model.hasCommentIn(rangeOf(call))) {
      std::string replacement = *rewritten;
      bool operatorForm = bodyType == "binary_operator" || bodyType == "comparison_operator" ||
                          bodyType == "unary_operator";
      if (operatorForm && !operatorFitsWithoutParentheses(call)) {
        replacement = "(" + replacement + ")";
      }
      fix = Fix{
          "Replace with `" + replacement + "`", FixSafety::Unsafe, {{rangeOf(call), replacement}}};
    }
    std::string message = "`" + std::string(method) + "` calls the lambda once per " +
                          (byRow ? "row" : "item") + "; the same expression on the " +
                          (byRow ? "columns" : "Series") + " runs in one pass";
    if (rewritten->size() <= 60) message += ": `" + *rewritten + "`";
    sink.report(kInfo, site, rangeOf(call), std::move(message), std::move(fix));
  }
};

}  // namespace

const Rule& ph502PandasApplyVectorizable() {
  static const PandasApplyVectorizable rule;
  return rule;
}

}  // namespace perfhint
