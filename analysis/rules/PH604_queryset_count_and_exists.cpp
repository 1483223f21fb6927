// PH604 queryset-count-and-exists: `len(qs)` or `if qs:` on a Django queryset whose rows are not
// used afterwards: the database can count or test for a row without sending every row.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/name_rebinding.h"       // builtin `len`
#include "analysis/rules/support/orm_example_harness.h"  // the example's database
#include "analysis/rules/support/orm_queries.h"          // querysets
#include "analysis/syntax/node_queries.h"                // variable references

#include <string>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;
using syntax::parentOf;

constexpr RuleInfo kInfo{
    .code = "PH604",
    .name = "queryset-count-and-exists",
    .summary =
        "`len(qs)` or `if qs:` on a Django queryset whose rows are not used afterwards; "
        "`qs.count()` and `qs.exists()` ask the database instead of loading every row.",
    .severity = Severity::Warning,
    .fix = FixAvailability::Always,
    .whySlow = R"(
`len(qs)` and `if qs:` evaluate the queryset: every matching row is sent over, turned into a
model instance and cached, only to be counted or tested for one. `qs.count()` runs `SELECT
COUNT(*)` and `qs.exists()` asks for at most one row, so the cost no longer grows with the number
of rows. Measured on CPython 3.11, Django 3.2 and an in-memory SQLite database: with 1000 rows
`len(qs)` took 13 ms against 0.12 ms for `qs.count()`, and `if qs:` 12 ms against 0.12 ms for
`qs.exists()`; with 100 rows, 0.30 ms against 0.07 ms. When the rows are used afterwards (the
queryset is iterated after the test), `len()` is right: it fills the cache the loop then reads,
so the rule only flags querysets nothing reads later.
)",
    .useInstead = R"(
`qs.count()` for `len(qs)`; `qs.exists()` for `if qs:`, `len(qs) > 0`, `len(qs) != 0` and
`len(qs) >= 1`; `not qs.exists()` for `len(qs) == 0` and `len(qs) < 1`.
)",
    .example = {.before = R"(
from shop.models import Order


def order_count():
    return len(Order.objects.all())


def has_large_orders():
    large = Order.objects.filter(total__gte=10)
    return len(large) > 0


print(order_count(), has_large_orders())
)",
                .after = R"(
from shop.models import Order


def order_count():
    return Order.objects.all().count()


def has_large_orders():
    large = Order.objects.filter(total__gte=10)
    return large.exists()


print(order_count(), has_large_orders())
)",
                .harness = orm::kDjangoShopHarness},
    .fixSafety = R"(
Unsafe: the rule knows a queryset by its shape (`Model.objects` on a model class of the file or an
imported name) and cannot prove that `objects` is a Django manager. On a Django queryset the
result is the same: both `count()` and `exists()` answer from the cache when the queryset was
already evaluated. Querysets with `select_for_update()`, whose evaluation locks the rows, are not
flagged.
)",
    .measure = {.setup = orm::kOrdersOfSizeNSetup, .call = "order_count()"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call, NodeKind::IfStatement};

// Whether code may read the queryset held by the variable `name` after `use` (or, in a loop, on
// another pass): then evaluating it with len() or bool() fills the cache those reads use.
bool readLater(std::string_view name, TSNode use, const Site& site, const SemanticModel& model) {
  if (site.function == kModuleScope) return true;  // other modules may import it
  const Document& document = model.document();
  TSNode scope = model.functions()[static_cast<size_t>(site.function)].node;
  ByteRange used = rangeOf(use);
  ByteRange loop = site.loop == kNoLoop
                       ? ByteRange{}
                       : rangeOf(model.loops()[static_cast<size_t>(site.loop)].node);
  bool rebound = false;
  for (TSNode reference : referencesToVariable(scope, document.text(), name)) {
    ByteRange at = rangeOf(reference);
    if (used.contains(at)) continue;
    bool inLoop = loop.length() && loop.contains(at);
    if (at.start < used.start && !inLoop) continue;
    if (isPlainRebinding(reference)) {
      if (!inLoop) rebound = true;
      continue;
    }
    if (!rebound || inLoop) return true;
  }
  return false;
}

// The Django queryset `expression` stands for, if the rule may rewrite a use of it.
bool isUnusedQueryset(TSNode expression, TSNode use, const Site& site, const SemanticModel& model) {
  std::optional<orm::Query> query =
      orm::queryOf(expression, site.function, ts_node_start_byte(use), model);
  if (!query || query->orm != orm::Orm::Django) return false;
  if (model.document().text(query->outermost).find("select_for_update") != std::string_view::npos)
    return false;
  std::string_view type = nodeType(expression);
  if (type == "identifier") return !readLater(model.document().text(expression), use, site, model);
  return type == "call" || type == "attribute";
}

class QuerysetCountAndExists final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (nodeKindOf(site.node) == NodeKind::IfStatement) {
      checkCondition(childByField(site.node, "condition"), site, model, sink);
      forEachNamedChild(site.node, [&](TSNode clause) {
        if (nodeType(clause) == "elif_clause")
          checkCondition(childByField(clause, "condition"), site, model, sink);
      });
      return;
    }
    checkLen(site, model, sink);
  }

 private:
  // `if qs:` and `if not qs:`.
  static void checkCondition(TSNode condition, const Site& site, const SemanticModel& model,
                             FindingSink& sink) {
    TSNode tested = condition;
    if (nodeType(tested) == "not_operator") tested = childByField(tested, "argument");
    std::string_view type = nodeType(tested);
    if ((type != "identifier" && type != "call") || !isUnusedQueryset(tested, tested, site, model))
      return;
    const Document& document = model.document();
    std::string name(document.text(tested));
    std::string message("`if ");
    message.append(document.text(condition))
        .append(":` loads every row to test for one; `")
        .append(name)
        .append(".exists()` asks the database for at most one");
    ByteRange range = rangeOf(tested);
    sink.report(kInfo, site, range, std::move(message),
                Fix{"Use `.exists()`", FixSafety::Unsafe, {{{range.end, range.end}, ".exists()"}}});
  }

  // `len(qs)`, alone or compared with 0 or 1.
  static void checkLen(const Site& site, const SemanticModel& model, FindingSink& sink) {
    TSNode call = site.node;
    const Document& document = model.document();
    TSNode callee = childByField(call, "function");
    TSNode arguments = childByField(call, "arguments");
    if (nodeType(callee) != "identifier" || document.text(callee) != "len" ||
        nodeType(arguments) != "argument_list" || ts_node_named_child_count(arguments) != 1 ||
        isRebound("len", site, model)) {
      return;
    }
    TSNode queryset = ts_node_named_child(arguments, 0);
    if (!isUnusedQueryset(queryset, call, site, model)) return;
    std::string text(document.text(queryset));
    if (model.hasCommentIn(rangeOf(call))) return;

    TSNode parent = parentOf(call);
    std::string_view emptiness = emptinessTest(call, parent, document);
    if (!emptiness.empty()) {
      bool empty = emptiness == "empty";
      std::string replacement(empty ? "not " : "");
      replacement.append(text).append(".exists()");
      std::string message("`");
      message.append(document.text(parent))
          .append("` loads every row to test for one; `")
          .append(replacement)
          .append("` asks the database for at most one");
      sink.report(kInfo, site, rangeOf(parent), std::move(message),
                  Fix{"Use `.exists()`", FixSafety::Unsafe, {{rangeOf(parent), replacement}}});
      return;
    }
    std::string message("`len(");
    message.append(text)
        .append(")` loads every row to count them; `")
        .append(text)
        .append(".count()` asks the database to count");
    sink.report(
        kInfo, site, rangeOf(call), std::move(message),
        Fix{"Use `.count()`", FixSafety::Unsafe, {{rangeOf(call), text.append(".count()")}}});
  }

  // "any" for `len(x) > 0`, `len(x) != 0`, `len(x) >= 1`; "empty" for `len(x) == 0` and
  // `len(x) < 1`; empty otherwise.
  static std::string_view emptinessTest(TSNode call, TSNode comparison, const Document& document) {
    if (nodeType(comparison) != "comparison_operator" ||
        ts_node_named_child_count(comparison) != 2 ||
        !ts_node_eq(ts_node_named_child(comparison, 0), call)) {
      return {};
    }
    TSNode bound = ts_node_named_child(comparison, 1);
    std::string_view value = document.text(bound);
    std::string_view op =
        document.text(ByteRange{ts_node_end_byte(call), ts_node_start_byte(bound)});
    auto trimmed = [](std::string_view text) {
      while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      return text;
    };
    op = trimmed(op);
    if ((op == ">" || op == "!=") && value == "0") return "any";
    if (op == ">=" && value == "1") return "any";
    if ((op == "==" && value == "0") || (op == "<" && value == "1")) return "empty";
    return {};
  }
};

}  // namespace

const Rule& ph604QuerysetCountAndExists() {
  static const QuerysetCountAndExists rule;
  return rule;
}

}  // namespace perfhint
