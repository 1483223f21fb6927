// PH601 orm-n-plus-one: a loop over a Django queryset or SQLAlchemy query whose body follows a
// relation of each row, which costs one more query per row.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/orm_example_harness.h"  // the example's database
#include "analysis/rules/support/orm_queries.h"          // querysets, model relations
#include "analysis/syntax/node_queries.h"                // walks, variables

#include <algorithm>  // find
#include <string>

namespace perfhint {
namespace {

using orm::FieldKind;
using orm::Orm;
using syntax::childByField;
using syntax::nodeType;
using syntax::parentOf;

constexpr RuleInfo kInfo{
    .code = "PH601",
    .name = "orm-n-plus-one",
    .summary =
        "A loop over a queryset follows a relation of each row: one query for the rows, then "
        "one more per row.",
    .severity = Severity::Warning,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
Reading `order.customer` or `order.items.all()` on a row that was loaded without the relation
sends a query for that one row. In a loop over N rows that makes 1 + N queries, each a round trip
to the database. `select_related("customer")` joins the related table into the first query;
`prefetch_related("items")` loads all related rows in one more query, 2 in all. Measured on
CPython 3.11, Django 3.2 and an in-memory SQLite database (no network, so a real server costs
more per query), best of 5 runs: reading a foreign key of 100 orders took 101 queries and 45 ms
against 1 query and 0.9 ms with `select_related`; of 1000 orders, 1001 queries and 450 ms against
1 query and 15 ms. Reading a reverse relation (two rows each) of 1000 orders took 1001 queries
and 500 ms against 2 queries and 122 ms with `prefetch_related`.
)",
    .useInstead = R"(
Django: `Order.objects.select_related("customer")` for a foreign key or one-to-one field,
`prefetch_related("items")` for a many-to-many field or a reverse relation (`order.items`).
SQLAlchemy: `.options(selectinload(Order.items))` (one more query for all related rows) or
`joinedload(Order.customer)` (a join in the first query) from `sqlalchemy.orm`.
)",
    .example = {.before = R"(
from shop.models import Order


def customer_names():
    return [order.customer.name for order in Order.objects.all()]


print(customer_names())
)",
                .after = R"(
from shop.models import Order


def customer_names():
    return [order.customer.name for order in Order.objects.all().select_related("customer")]


print(customer_names())
)",
                .harness = orm::kDjangoShopHarness},
    .fixSafety = R"(
Unsafe, and for Django only: the fix appends `.select_related(...)` or `.prefetch_related(...)`
to the queryset (to the value a local name was bound to, when the loop goes over that name), which
changes every use of that queryset, and reads the related rows when the queryset is evaluated
rather than when the loop reaches them. No fix after `.only()` or `.defer()`, where a relation left
out of the columns cannot be selected, and none for SQLAlchemy, where the loader option needs an
import and a choice between `selectinload` and `joinedload`.
)",
    .measure = {.setup = orm::kOrdersOfSizeNSetup, .call = "customer_names()"},
};

constexpr NodeKind kKinds[] = {NodeKind::ForStatement, NodeKind::ListComprehension,
                               NodeKind::SetComprehension, NodeKind::DictionaryComprehension,
                               NodeKind::GeneratorExpression};

// Attribute names that hold a plain value on any model: reading one more attribute of them
// (`order.created.year`, `order.name.upper()`) reads the row already loaded.
bool looksPlain(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "id",          "pk",        "name",   "title",    "slug",       "email",   "status",
      "state",       "type",      "kind",   "data",     "json",       "meta",    "_meta",
      "_state",      "amount",    "price",  "total",    "count",      "text",    "body",
      "description", "path",      "url",    "file",     "image",      "photo",   "avatar",
      "content",     "value",     "key",    "date",     "time",       "created", "modified",
      "updated",     "timestamp", "config", "settings", "options",    "objects", "query",
      "metadata",    "extra",     "attrs",  "headers",  "location",   "point",   "geom",
      "picture",     "thumbnail", "logo",   "cover",    "attachment", "document"};
  if (std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames)) return true;
  for (std::string_view suffix : {"_at", "_on", "_date", "_time", "_id", "_ids", "_count", "_name",
                                  "_url", "_path", "_json", "_data"}) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

// Methods of a Django related manager whose answer prefetch_related serves from its cache.
bool isCachedManagerRead(std::string_view method) {
  return method == "all" || method == "count" || method == "exists";
}

// Whether `node` lies in a def or lambda inside `loop`: code that may run at another time, or
// never. (A generator expression in the body is usually consumed on the spot, and its first
// iterable is evaluated at once.)
bool inLaterCode(TSNode node, TSNode loop) {
  for (TSNode at = parentOf(node); !ts_node_is_null(at) && !ts_node_eq(at, loop);
       at = parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "function_definition" || type == "lambda") return true;
  }
  return false;
}

// Whether `attribute` (`order.x`) is written rather than read.
bool isStore(TSNode attribute) {
  TSNode parent = parentOf(attribute);
  std::string_view type = nodeType(parent);
  if ((type == "assignment" || type == "augmented_assignment") &&
      ts_node_eq(childByField(parent, "left"), attribute)) {
    return true;
  }
  return type == "pattern_list" || type == "tuple_pattern" || type == "delete_statement";
}

// How the loop body uses relation `attribute` (the node `order.x`): a one-row or a many-row
// load, or nullopt when it does not load it (or we cannot tell).
std::optional<FieldKind> relationUse(TSNode attribute, const orm::ModelClass* known, Orm orm,
                                     const Document& document) {
  if (isStore(attribute)) return std::nullopt;
  TSNode parent = parentOf(attribute);
  // `order.save()`: a method of the row, not a relation.
  if (nodeType(parent) == "call" && ts_node_eq(childByField(parent, "function"), attribute)) {
    return std::nullopt;
  }
  std::string_view name = document.text(childByField(attribute, "attribute"));
  // `order.items.all()`: the attribute read on the relation, and whether it is called bare.
  bool chained =
      nodeType(parent) == "attribute" && ts_node_eq(childByField(parent, "object"), attribute);
  std::string_view next = chained ? document.text(childByField(parent, "attribute")) : "";
  TSNode grand = chained ? parentOf(parent) : TSNode{};
  bool calledBare = chained && nodeType(grand) == "call" &&
                    ts_node_eq(childByField(grand, "function"), parent) &&
                    ts_node_named_child_count(childByField(grand, "arguments")) == 0;

  if (known) {
    std::optional<FieldKind> kind = orm::fieldKind(*known, name);
    if (!kind || *kind == FieldKind::Plain || *kind == FieldKind::EagerOne) return std::nullopt;
    if (orm == Orm::SqlAlchemy || *kind == FieldKind::ToOne || *kind == FieldKind::GenericOne)
      return kind;
    // A Django manager queries only when asked; prefetching serves only these reads.
    if (calledBare && isCachedManagerRead(next)) return FieldKind::ToMany;
    return std::nullopt;
  }
  // Unknown model: only shapes that cannot be a plain column.
  if (!chained || looksPlain(name) || name.starts_with("get_")) return std::nullopt;
  // The usual name of a GenericForeignKey, which select_related cannot follow.
  bool generic = name == "content_object";
  if (orm == Orm::Django && calledBare && isCachedManagerRead(next)) return FieldKind::ToMany;
  // `order.user.name`, a plain read on what the attribute holds; a method call
  // (`order.number.zfill(5)`) is more often a method of a plain value.
  bool called = nodeType(grand) == "call" && ts_node_eq(childByField(grand, "function"), parent);
  static constexpr std::string_view kValueMembers[] = {
      "year", "month", "day", "hour", "minute", "second", "microsecond", "real", "imag", "days",
      "seconds", "tzinfo", "numerator", "denominator",
      // files and geometries
      "url", "path", "size", "width", "height", "x", "y", "coords", "srid"};
  if (called || std::find(std::begin(kValueMembers), std::end(kValueMembers), next) !=
                    std::end(kValueMembers)) {
    return std::nullopt;
  }
  return generic ? FieldKind::GenericOne : FieldKind::ToOne;
}

class OrmNPlusOne final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode loop = site.node;
    TSNode target, iterable;
    if (nodeKindOf(loop) == NodeKind::ForStatement) {
      if (nodeType(ts_node_child(loop, 0)) == "async") return;
      target = childByField(loop, "left");
      iterable = childByField(loop, "right");
    } else {
      TSNode clause = firstChildOfType(loop, "for_in_clause");
      // `async for` over a queryset: Django's async iteration, where a lazy relation read
      // raises rather than queries.
      if (ts_node_is_null(clause) || !ts_node_is_null(firstChildOfType(clause, "async"))) return;
      target = childByField(clause, "left");
      iterable = childByField(clause, "right");
    }
    if (nodeType(target) != "identifier") return;
    std::optional<orm::Query> query =
        orm::queryOf(iterable, site.function, ts_node_start_byte(loop), model);
    if (!query) return;

    const Document& document = model.document();
    std::string_view row = document.text(target);
    ByteRange source = rangeOf(iterable);
    // A `for` loop's `else:` runs once, after the rows.
    TSNode elseClause = childByField(loop, "alternative");
    ByteRange once = ts_node_is_null(elseClause) ? ByteRange{} : rangeOf(elseClause);
    // The row variable must hold the loop's rows everywhere the body reads it.
    for (TSNode use : variablesNamed(loop, document.text(), row, false)) {
      if (!ts_node_eq(use, target) && isBindingOccurrence(use)) return;
    }
    std::vector<orm::ModelClass> models = orm::modelClasses(model);
    const orm::ModelClass* known = orm::findModel(models, query->modelName);
    if (known && known->orm != query->orm) known = nullptr;

    std::vector<std::string_view> reported;
    forEachNode(loop, [&](TSNode node) {
      if (nodeType(node) != "attribute" || source.contains(rangeOf(node)) ||
          (once.length() && once.contains(rangeOf(node)))) {
        return;
      }
      TSNode object = childByField(node, "object");
      if (nodeType(object) != "identifier" || document.text(object) != row) return;
      if (inLaterCode(node, loop)) return;
      std::string_view relation = document.text(childByField(node, "attribute"));
      if (std::find(reported.begin(), reported.end(), relation) != reported.end()) return;
      std::optional<FieldKind> use = relationUse(node, known, query->orm, document);
      if (!use) return;
      const auto& loaded = query->loadedRelations;
      if (std::find(loaded.begin(), loaded.end(), relation) != loaded.end()) return;
      if (*use == FieldKind::ToOne && query->loadsAllToOne) return;
      reported.push_back(relation);
      report(site, model, node, row, relation, *use, *query, sink);
    });
  }

 private:
  static void report(const Site& loopSite, const SemanticModel& model, TSNode use,
                     std::string_view row, std::string_view relation, FieldKind kind,
                     const orm::Query& query, FindingSink& sink) {
    std::string read;
    read.append("`").append(row).append(".").append(relation).append("`");
    Site site = model.siteOf(use);
    if (site.loopDepth == 0) site = loopSite;  // a comprehension's element
    if (query.orm == Orm::SqlAlchemy) {
      std::string option;
      option.append(query.modelName).append(".").append(relation);
      sink.report(kInfo, site, rangeOf(use),
                  read +
                      " loads the relation for each row, one query each (1 + N queries); "
                      "load it with the query: `.options(selectinload(" +
                      option + "))`");
      return;
    }
    // A GenericForeignKey can point at any model: only prefetch_related follows it.
    std::string call(kind == FieldKind::ToOne ? "select_related" : "prefetch_related");
    call.append("(\"").append(relation).append("\")");
    std::string message = read +
                          " runs a query for each row (1 + N queries); load it with the "
                          "queryset: `." +
                          call + "`";
    std::optional<Fix> fix;
    if (!query.defersColumns) {
      uint32_t end = ts_node_end_byte(query.outermost);
      fix =
          Fix{"Add `." + call + "` to the queryset", FixSafety::Unsafe, {{{end, end}, "." + call}}};
    }
    sink.report(kInfo, site, rangeOf(use), std::move(message), std::move(fix));
  }
};

}  // namespace

const Rule& ph601OrmNPlusOne() {
  static const OrmNPlusOne rule;
  return rule;
}

}  // namespace perfhint
