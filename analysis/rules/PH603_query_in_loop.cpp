// PH603 query-in-loop: a query per pass of a loop, built from the loop's variable
// (`Model.objects.get(pk=i)` for each `i`), where one query before the loop could fetch them all.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/comprehension_rewrite.h"  // loop targets, mentions
#include "analysis/rules/support/orm_example_harness.h"    // the example's database
#include "analysis/rules/support/orm_queries.h"            // managers, queries
#include "analysis/syntax/node_queries.h"                  // parents

#include <algorithm>  // find
#include <string>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;
using syntax::parentOf;

constexpr RuleInfo kInfo{
    .code = "PH603",
    .name = "query-in-loop",
    .summary =
        "A database query built from the loop variable on every pass: one query per item "
        "where one query before the loop could fetch them all.",
    .severity = Severity::Warning,
    .fix = FixAvailability::None,
    .whySlow = R"(
`Model.objects.get(pk=i)` for each `i` sends one query per item: each pays a round trip, the SQL
compilation and the object construction. One query before the loop, `in_bulk(ids)` or
`filter(pk__in=ids)`, fetches the same rows at once, and the loop looks them up in a dict.
Measured on CPython 3.11, Django 3.2 and an in-memory SQLite database (no network, so a real
server costs more per query): fetching 100 customers one `get()` at a time took 100 queries and
43 ms against 1 query and 0.5 ms with `in_bulk`; 1000 customers took 1000 queries and 515 ms
against 2 queries and 9.6 ms.
)",
    .useInstead = R"(
Fetch the rows before the loop, keyed by what the loop looks them up by:
`customers = Customer.objects.in_bulk(ids)` (keyed by primary key, or `field_name="email"`),
or `{c.email: c for c in Customer.objects.filter(email__in=emails)}`; then `customers[i]` or
`customers.get(i)` in the loop. SQLAlchemy:
`session.scalars(select(Model).where(Model.id.in_(ids)))`.
)",
    .example = {.before = R"(
from shop.models import Customer


def names(ids):
    return [Customer.objects.get(pk=i).name for i in ids]


print(names([1, 2, 3]))
)",
                .after = R"(
from shop.models import Customer


def names(ids):
    customers = Customer.objects.in_bulk(ids)
    return [customers[i].name for i in ids]


print(names([1, 2, 3]))
)",
                .harness = orm::kDjangoShopHarness},
    .fixSafety = R"(
No fix: a missing row raises `DoesNotExist` from `get()` but is simply absent from `in_bulk()`,
and how the loop should handle it is the author's choice.
)",
    .measure = {.setup = R"(
Customer.objects.bulk_create([Customer(name=f"customer {i}") for i in range(n)])
ids = list(Customer.objects.values_list("pk", flat=True))[:n]
)",
                .call = "names(ids)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// The names the loop binds on each pass: a `for` target or a comprehension's targets.
std::vector<std::string_view> loopTargets(const LoopInfo& loop, const Document& document) {
  std::vector<std::string_view> names;
  if (loop.kind == NodeKind::ForStatement) {
    comprehension_rewrite::collectTargetNames(childByField(loop.node, "left"), document, names);
  } else if (loop.kind != NodeKind::WhileStatement) {
    forEachNamedChild(loop.node, [&](TSNode clause) {
      if (nodeType(clause) == "for_in_clause")
        comprehension_rewrite::collectTargetNames(childByField(clause, "left"), document, names);
    });
  }
  return names;
}

// Whether `node` uses a variable some loop around `site` (in its function) binds per pass.
bool usesLoopVariable(TSNode node, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  for (int32_t index = site.loop; index != kNoLoop;
       index = model.loops()[static_cast<size_t>(index)].parent) {
    const LoopInfo& loop = model.loops()[static_cast<size_t>(index)];
    if (!loop.repeats(rangeOf(node))) continue;
    for (std::string_view name : loopTargets(loop, document)) {
      if (comprehension_rewrite::mentions(node, name, document)) return true;
    }
  }
  return false;
}

// The method called on the result of `call` (`first` in `q.filter(...).first()`), if any.
std::string_view chainedMethod(TSNode call, const Document& document) {
  TSNode parent = parentOf(call);
  if (nodeType(parent) != "attribute" || !ts_node_eq(childByField(parent, "object"), call))
    return {};
  return document.text(childByField(parent, "attribute"));
}

class QueryInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop ||
        orm::iteratesFixedDisplay(model.loops()[static_cast<size_t>(site.loop)])) {
      return;
    }
    TSNode call = site.node;
    const Document& document = model.document();
    TSNode callee = childByField(call, "function");
    if (nodeType(callee) != "attribute") return;
    TSNode arguments = childByField(call, "arguments");
    std::string_view method = document.text(childByField(callee, "attribute"));

    std::string_view modelName;
    if (orm::isManagerCall(call, {"get", "filter", "exclude"}, model, site.function, &modelName)) {
      // `filter(...).update()` and `.delete()` write: batching them is PH602's business.
      std::string_view next = chainedMethod(call, document);
      if (next == "update" || next == "delete" || !usesLoopVariable(arguments, site, model)) return;
      std::string message("`");
      message.append(modelName)
          .append(".objects.")
          .append(method)
          .append(
              "()` with the loop variable runs one query per pass; fetch the rows once "
              "before the loop (`in_bulk()` or `filter(pk__in=...)`) and look them up");
      sink.report(kInfo, site, rangeOf(call), std::move(message));
      return;
    }
    // SQLAlchemy: a query's terminal call (`.first()`, `.one()`, `.get(i)`) or `session.get(M, i)`.
    if (method == "get" && ts_node_named_child_count(arguments) == 2 &&
        orm::isSessionName(childByField(callee, "object"), document) &&
        orm::namesModel(ts_node_named_child(arguments, 0), orm::Orm::SqlAlchemy, model,
                        site.function) &&
        orm::importsPackage(model, "sqlalchemy") &&
        usesLoopVariable(ts_node_named_child(arguments, 1), site, model)) {
      sink.report(kInfo, site, rangeOf(call),
                  "`session.get()` with the loop variable runs one query per pass; fetch the rows "
                  "once before the loop with `.in_()` and look them up");
      return;
    }
    static constexpr std::string_view kTerminal[] = {"get",    "first", "one",  "one_or_none",
                                                     "scalar", "all",   "count"};
    if (std::find(std::begin(kTerminal), std::end(kTerminal), method) == std::end(kTerminal)) {
      return;
    }
    std::optional<orm::Query> query = orm::queryOf(childByField(callee, "object"), site.function,
                                                   ts_node_start_byte(call), model);
    if (!query || query->orm != orm::Orm::SqlAlchemy || !usesLoopVariable(call, site, model))
      return;
    std::string message("`.");
    message.append(method).append(
        "()` on a query built from the loop variable runs one query per pass; fetch the rows "
        "once before the loop with `.in_()` and look them up");
    sink.report(kInfo, site, rangeOf(call), std::move(message));
  }
};

}  // namespace

const Rule& ph603QueryInLoop() {
  static const QueryInLoop rule;
  return rule;
}

}  // namespace perfhint
