// PH102 nested-index-loops: two nested `for i in range(...)` / `for j in range(...)` loops whose
// inner body does element-wise arithmetic on `a[i][j]` (or `a[i, j]`), or the same as a nested
// list comprehension: with NumPy arrays the whole double loop is one array expression.
//
// Flagged (at the arithmetic) when the inner body is one statement: `c[i][j] = expr`,
// `row.append(expr)` or `acc += expr` (a comprehension: `[[expr for j in range(...)] for i in
// range(...)]`), where `expr` applies an arithmetic operator to element reads `x[i][j]`, numbers
// and other names, and `i` and `j` appear nowhere else. Not flagged for other index patterns
// (`a[i][k] * b[k][j]`, `a[j][i]`, `a[i + 1][j]`), calls, branches, or more than one statement:
// those need more than a single array expression.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // named children

#include <optional>
#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH102",
    .name = "nested-index-loops",
    .summary =
        "Nested `for i in range(...)` / `for j in range(...)` loops doing element-wise arithmetic "
        "on `a[i][j]`; with NumPy arrays the double loop is one array expression (`a + b`).",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
Every element costs two index lookups per matrix (`a[i]`, then `[j]`), an integer for `j`, and
the arithmetic through the interpreter on boxed numbers. An array library does the same loop in
compiled code over raw memory. Measured on CPython 3.11 with NumPy 1.24 (ranges over runs on a
busy machine), for two 500 × 500 matrices of floats: `c[i][j] = a[i][j] + b[i][j]` in nested index
loops over lists takes 22–28 ms; the plain-Python rows form
`[[x + y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]` takes 13–15 ms; with NumPy arrays,
`a + b` takes 0.07 ms.
)",
    .useInstead = R"(
Keep the matrices as NumPy arrays and write the loop as one expression: `c = a + b`,
`c = a * 2.5 + b`, `total = (a * b).sum()`. The message shows the expression for the flagged
loop. Without NumPy, iterating rows with `zip` instead of indexing (as in the example) takes about
half the time.
)",
    .example = {.before = R"(
def add(a, b):
    rows, cols = len(a), len(a[0])
    result = []
    for i in range(rows):
        row = []
        for j in range(cols):
            row.append(a[i][j] + b[i][j])
        result.append(row)
    return result


print(add([[1, 2], [3, 4]], [[10, 20], [30, 40]]))
)",
                .after = R"(
def add(a, b):
    # with NumPy arrays: return a + b
    return [[x + y for x, y in zip(row_a, row_b)] for row_a, row_b in zip(a, b)]


print(add([[1, 2], [3, 4]], [[10, 20], [30, 40]]))
)"},
    .fixSafety = R"(
No fix: the change of data type (lists to arrays) reaches beyond the loop, and NumPy's fixed-size
integers can overflow where Python's do not.
)",
    .measure = {.setup = "a = [list(range(100)) for _ in range(max(1, n // 100))]",
                .call = "add(a, a)"},
};

constexpr NodeKind kKinds[] = {NodeKind::ForStatement, NodeKind::ListComprehension};

// Whether `name` appears as a variable anywhere under `node`.
bool mentions(TSNode node, std::string_view name, const Document& document) {
  if (nodeType(node) == "identifier" && document.text(node) == name) return true;
  bool found = false;
  forEachNamedChild(node, [&](TSNode child) { found = found || mentions(child, name, document); });
  return found;
}

// The target name of `for name in range(stop)` (or `range(0, stop)`), or empty. A start other
// than 0 or a step covers part of the matrix, which one whole-array expression would not.
std::string_view rangeTarget(TSNode target, TSNode iterable, const Document& document) {
  if (nodeType(target) != "identifier" || nodeType(iterable) != "call") return {};
  TSNode function = childByField(iterable, "function");
  TSNode arguments = childByField(iterable, "arguments");
  if (nodeType(function) != "identifier" || document.text(function) != "range") return {};
  uint32_t count = ts_node_named_child_count(arguments);
  if (count == 2 && document.text(ts_node_named_child(arguments, 0)) != "0") return {};
  if (count != 1 && count != 2) return {};
  std::string_view stop = nodeType(ts_node_named_child(arguments, count - 1));
  if (stop == "keyword_argument" || stop == "list_splat") return {};
  return document.text(target);
}

// Checks an element-wise expression in terms of the outer index `i` and inner index `j`, and
// writes its NumPy form (each `x[i][j]` becomes `x`).
class ElementWise {
 public:
  ElementWise(std::string_view outer, std::string_view inner, const Document& document)
      : outer_(outer), inner_(inner), document_(document) {}

  // Whether `node` is arithmetic over element reads; at least one operator and one read.
  bool matches(TSNode node) {
    reads_.clear();
    operators_ = 0;
    return expression(node) && operators_ > 0 && !reads_.empty();
  }

  // The whole-array expression: `node`'s text with every element read replaced by its matrix.
  std::string vectorised(TSNode node) const {
    std::string result;
    uint32_t at = ts_node_start_byte(node);
    for (auto [read, matrix] : reads_) {
      result += document_.text().substr(at, ts_node_start_byte(read) - at);
      result += document_.text(matrix);
      at = ts_node_end_byte(read);
    }
    result += document_.text().substr(at, ts_node_end_byte(node) - at);
    return result;
  }

  // The matrix of `x[i][j]` or `x[i, j]` (a name or attribute chain), or null.
  TSNode elementRead(TSNode node) const {
    if (nodeType(node) != "subscript") return TSNode{};
    TSNode value = childByField(node, "value");
    if (ts_node_named_child_count(node) == 3) {  // x[i, j]
      if (isIndex(ts_node_named_child(node, 1), outer_) &&
          isIndex(ts_node_named_child(node, 2), inner_) && isNameChain(value)) {
        return value;
      }
      return TSNode{};
    }
    if (ts_node_named_child_count(node) != 2 || !isIndex(childByField(node, "subscript"), inner_) ||
        nodeType(value) != "subscript" || ts_node_named_child_count(value) != 2 ||
        !isIndex(childByField(value, "subscript"), outer_)) {
      return TSNode{};
    }
    TSNode matrix = childByField(value, "value");
    return isNameChain(matrix) ? matrix : TSNode{};
  }

 private:
  bool isIndex(TSNode node, std::string_view name) const {
    return nodeType(node) == "identifier" && document_.text(node) == name;
  }

  static bool isNameChain(TSNode node) {
    std::string_view type = nodeType(node);
    if (type == "identifier") return true;
    return type == "attribute" && isNameChain(childByField(node, "object"));
  }

  bool expression(TSNode node) {
    std::string_view type = nodeType(node);
    if (type == "integer" || type == "float") return true;
    if (type == "identifier") {
      std::string_view name = document_.text(node);
      return name != outer_ && name != inner_;
    }
    if (type == "attribute") return isNameChain(node) && expression(childByField(node, "object"));
    if (type == "subscript") {
      TSNode matrix = elementRead(node);
      if (ts_node_is_null(matrix) || !expression(matrix)) return false;
      reads_.push_back({node, matrix});
      return true;
    }
    if (type == "binary_operator") {
      std::string_view op = document_.text(childByField(node, "operator"));
      if (op == "@") return false;
      ++operators_;
    } else if (type != "unary_operator" && type != "parenthesized_expression") {
      return false;
    }
    bool ok = true;
    forEachNamedChild(node, [&](TSNode child) { ok = ok && expression(child); });
    return ok;
  }

  std::string_view outer_, inner_;
  const Document& document_;
  std::vector<std::pair<TSNode, TSNode>> reads_;  // element read, its matrix
  int operators_ = 0;
};

// The arithmetic of the inner loop's one statement, when it is `c[i][j] = expr`,
// `row.append(expr)` or `acc += expr`; null otherwise. `form` gets the NumPy statement.
TSNode innerArithmetic(TSNode body, ElementWise& elements, const Document& document,
                       std::string& form) {
  if (ts_node_named_child_count(body) != 1) return TSNode{};
  TSNode statement = ts_node_named_child(body, 0);
  if (nodeType(statement) != "expression_statement" || ts_node_named_child_count(statement) != 1) {
    return TSNode{};
  }
  TSNode inner = ts_node_named_child(statement, 0);
  std::string_view type = nodeType(inner);
  TSNode left = childByField(inner, "left");
  TSNode right = childByField(inner, "right");
  if (type == "assignment" && !ts_node_is_null(right) && nodeType(right) != "assignment") {
    TSNode matrix = elements.elementRead(left);
    if (ts_node_is_null(matrix) || !elements.matches(right)) return TSNode{};
    form = std::string(document.text(matrix)) + "[:] = " + elements.vectorised(right);
    return right;
  }
  if (type == "augmented_assignment" && nodeType(left) == "identifier" &&
      (document.text(childByField(inner, "operator")) == "+=") && elements.matches(right)) {
    form = std::string(document.text(left)) + " += (" + elements.vectorised(right) + ").sum()";
    return right;
  }
  if (type == "call") {
    TSNode function = childByField(inner, "function");
    TSNode arguments = childByField(inner, "arguments");
    if (nodeType(function) != "attribute" ||
        document.text(childByField(function, "attribute")) != "append" ||
        nodeType(childByField(function, "object")) != "identifier" ||
        ts_node_named_child_count(arguments) != 1) {
      return TSNode{};
    }
    TSNode argument = ts_node_named_child(arguments, 0);
    if (!elements.matches(argument)) return TSNode{};
    form = elements.vectorised(argument);
    return argument;
  }
  return TSNode{};
}

class NestedIndexLoops final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (nodeType(site.node) == "list_comprehension") {
      checkComprehension(site.node, model, sink);
      return;
    }
    const Document& document = model.document();
    TSNode outer = site.node;
    if (nodeType(ts_node_child(outer, 0)) == "async") return;
    std::string_view i =
        rangeTarget(childByField(outer, "left"), childByField(outer, "right"), document);
    if (i.empty()) return;
    forEachNamedChild(childByField(outer, "body"), [&](TSNode inner) {
      if (nodeType(inner) != "for_statement" || nodeType(ts_node_child(inner, 0)) == "async" ||
          !ts_node_is_null(childByField(inner, "alternative"))) {
        return;
      }
      std::string_view j =
          rangeTarget(childByField(inner, "left"), childByField(inner, "right"), document);
      // `for j in range(i)` walks a triangle, not the whole matrix.
      if (j.empty() || j == i || mentions(childByField(inner, "right"), i, document)) return;
      ElementWise elements(i, j, document);
      std::string form;
      TSNode arithmetic = innerArithmetic(childByField(inner, "body"), elements, document, form);
      if (ts_node_is_null(arithmetic)) return;
      report(outer, arithmetic, form, model, sink);
    });
  }

 private:
  // `[[expr for j in range(...)] for i in range(...)]`, each with one `for` and no `if`.
  void checkComprehension(TSNode node, const SemanticModel& model, FindingSink& sink) const {
    const Document& document = model.document();
    auto onlyFor = [](TSNode comprehension) {
      if (ts_node_named_child_count(comprehension) != 2) return TSNode{};
      TSNode clause = ts_node_named_child(comprehension, 1);
      return nodeType(clause) == "for_in_clause" ? clause : TSNode{};
    };
    TSNode outerFor = onlyFor(node);
    TSNode row = childByField(node, "body");
    if (ts_node_is_null(outerFor) || nodeType(row) != "list_comprehension") return;
    TSNode innerFor = onlyFor(row);
    if (ts_node_is_null(innerFor)) return;
    std::string_view i =
        rangeTarget(childByField(outerFor, "left"), childByField(outerFor, "right"), document);
    std::string_view j =
        rangeTarget(childByField(innerFor, "left"), childByField(innerFor, "right"), document);
    if (i.empty() || j.empty() || i == j ||
        mentions(childByField(innerFor, "right"), i, document)) {
      return;
    }
    ElementWise elements(i, j, document);
    TSNode arithmetic = childByField(row, "body");
    if (!elements.matches(arithmetic)) return;
    report(node, arithmetic, elements.vectorised(arithmetic), model, sink);
  }

  // Counted as deep as the outer loop: the two loops of the pattern are what the message is
  // about, so they do not raise the severity as "nested loops" again.
  static void report(TSNode outer, TSNode arithmetic, const std::string& form,
                     const SemanticModel& model, FindingSink& sink) {
    std::string message =
        "Element-wise arithmetic in nested index loops; with NumPy arrays it is one expression: `";
    message += form;
    message += "`";
    sink.report(kInfo, model.siteOf(outer), rangeOf(arithmetic), std::move(message));
  }
};

}  // namespace

const Rule& ph102NestedIndexLoops() {
  static const NestedIndexLoops rule;
  return rule;
}

}  // namespace perfhint
