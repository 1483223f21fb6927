// PH602 orm-write-in-loop: one database write (or commit) per pass of a loop where the library
// writes many rows in one call: Django's create()/save(), SQLAlchemy's commit(), DB-API
// cursor.execute().
#include "analysis/rules/rule.h"

#include "analysis/rules/support/comprehension_rewrite.h"  // loop targets, iterable text
#include "analysis/rules/support/orm_queries.h"            // managers, querysets, models
#include "analysis/syntax/node_queries.h"                  // walks, strings

#include <algorithm>  // find
#include <cctype>     // toupper
#include <string>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;
using syntax::parentOf;

constexpr RuleInfo kInfo{
    .code = "PH602",
    .name = "orm-write-in-loop",
    .summary =
        "A database write or commit on every pass of a loop: Django `create()`/`save()`, "
        "SQLAlchemy `commit()`, DB-API `cursor.execute()`.",
    .severity = Severity::Warning,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
Each `Model.objects.create()` or `obj.save()` is one `INSERT` or `UPDATE` statement with its own
round trip, and outside a transaction its own commit; `bulk_create` and `bulk_update` send the
rows in a few statements. Each `session.commit()` ends a transaction and flushes it to disk.
`cursor.execute()` per row pays the call, parameter binding and statement lookup each time, which
`executemany` does once in C. Measured on CPython 3.11, Django 3.2 and an in-memory SQLite database
(no network or disk, so the real gap is larger): 1000 `create()` calls took 1000 queries and 118 ms
against 3 queries and 16 ms for `bulk_create`; 1000 `save()` calls 325 ms against 208 ms for
`bulk_update`. With `sqlite3`, inserting 1000 rows with `execute` took 0.90 ms against 0.61 ms with
`executemany`. Not flagged: a `commit()` or `execute()` under an `if` or `try` inside the loop
(a commit per batch, per-row error handling, a write that depends on a lookup), and loops over a
list or tuple written out in the code.
)",
    .useInstead = R"(
Django: build the objects in the loop and write them with one
`Model.objects.bulk_create(objects)`; change the rows in the loop and write them with
`Model.objects.bulk_update(rows, ["field"])`. SQLAlchemy: `session.add()` in the loop and one
`session.commit()` after it. DB-API: `cursor.executemany(sql, rows)`.
)",
    .example = {.before = R"py(
import sqlite3


def store(rows):
    db = sqlite3.connect(":memory:")
    cur = db.cursor()
    cur.execute("CREATE TABLE people (id INTEGER, name TEXT)")
    for row in rows:
        cur.execute("INSERT INTO people VALUES (?, ?)", row)
    return cur.execute("SELECT COUNT(*) FROM people").fetchone()[0]


print(store([(1, "ann"), (2, "bob")]))
)py",
                .after = R"py(
import sqlite3


def store(rows):
    db = sqlite3.connect(":memory:")
    cur = db.cursor()
    cur.execute("CREATE TABLE people (id INTEGER, name TEXT)")
    cur.executemany("INSERT INTO people VALUES (?, ?)", rows)
    return cur.execute("SELECT COUNT(*) FROM people").fetchone()[0]


print(store([(1, "ann"), (2, "bob")]))
)py"},
    .fixSafety = R"(
Only `cursor.execute(sql, params)` gets a fix, and only when it is the whole body of a plain `for`
loop over rows, with the same constant `INSERT`, `UPDATE`, `DELETE` or `REPLACE` statement on every
pass: the loop becomes `cursor.executemany(sql, rows)` (or `[params for row in rows]`). It is
unsafe: `rowcount` and `lastrowid` describe the whole batch afterwards, and the loop variable is no
longer set. The Django and SQLAlchemy findings are hints: building the objects first, and what
`save()` overrides and signals would no longer run, is a change to review by hand.
)",
    .measure = {.setup = R"(rows = [(i, f"name {i}") for i in range(n)])", .call = "store(rows)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// Whether the call is a statement of its own (its result unused).
bool isStatement(TSNode call) {
  return nodeType(parentOf(call)) == "expression_statement";
}

// Whether something between the call and the loop makes it run only on some passes (an `if`)
// or deliberately per row (a `try` that handles each row's failure).
bool conditionalInLoop(TSNode call, TSNode loop) {
  for (TSNode at = parentOf(call); !ts_node_is_null(at) && !ts_node_eq(at, loop);
       at = parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "if_statement" || type == "try_statement" || type == "conditional_expression" ||
        type == "with_statement" || type == "boolean_operator") {
      return true;
    }
  }
  return false;
}

// The SQL of a constant statement: a string literal, or a name bound to one in the function or
// at module level. Empty when it is not a constant.
std::string_view constantSql(TSNode sql, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  if (nodeType(sql) == "identifier") {
    std::string_view name = document.text(sql);
    const Binding* binding = model.bindingBefore(name, site.function, ts_node_start_byte(sql));
    if (!binding && site.function != kModuleScope) {
      binding = model.bindingBefore(name, kModuleScope, ts_node_start_byte(sql));
      if (!binding) binding = model.bindingBefore(name, kModuleScope, UINT32_MAX);
    }
    if (!binding || binding->shape != ValueShape::StringLiteral) return {};
    sql = binding->value;
  }
  if (!isPlainString(sql)) return {};
  return document.text(sql);
}

// Whether the SQL writes rows (what executemany is for) rather than reading them.
bool isWriteStatement(std::string_view literal) {
  size_t start = literal.find_first_of("'\"");
  if (start == std::string_view::npos) return false;
  std::string head;
  for (char c : literal.substr(start)) {
    if (c == '"' || c == '\'' || std::isspace(static_cast<unsigned char>(c))) {
      if (head.empty()) continue;
      break;
    }
    head += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return head == "INSERT" || head == "UPDATE" || head == "DELETE" || head == "REPLACE";
}

// Whether `name` was bound to a DB-API cursor or connection: `cur = conn.cursor()`,
// `conn = sqlite3.connect(...)`, or `with conn.cursor() as cur:` around the site.
bool isCursor(TSNode name, const Site& site, const SemanticModel& model) {
  if (nodeType(name) != "identifier") return false;
  const Document& document = model.document();
  auto opensCursor = [&](TSNode call) {
    if (nodeType(call) != "call") return false;
    TSNode callee = childByField(call, "function");
    std::string qualified = model.qualifiedName(callee, site.function);
    for (std::string_view module : {"sqlite3.", "psycopg2.", "psycopg.", "pymysql.", "MySQLdb."}) {
      if (qualified.starts_with(module) && qualified.ends_with(".connect")) return true;
    }
    return nodeType(callee) == "attribute" &&
           document.text(childByField(callee, "attribute")) == "cursor";
  };
  const Binding* binding =
      model.bindingBefore(document.text(name), site.function, ts_node_start_byte(name));
  if (binding) return opensCursor(binding->value);
  for (TSNode at = parentOf(name); !ts_node_is_null(at); at = parentOf(at)) {
    if (nodeType(at) != "with_statement") continue;
    bool found = false;
    forEachNode(firstChildOfType(at, "with_clause"), [&](TSNode node) {
      if (nodeType(node) != "as_pattern") return;
      TSNode alias = childByField(node, "alias");
      if (document.text(alias) == document.text(name) &&
          opensCursor(ts_node_named_child(node, 0))) {
        found = true;
      }
    });
    if (found) return true;
  }
  return false;
}

// The executemany rewrite of `for row in rows: cur.execute(SQL, params)`, when the loop has
// nothing else in it.
std::optional<Fix> executemanyFix(TSNode call, TSNode loop, TSNode receiver, TSNode sql,
                                  TSNode params, const SemanticModel& model) {
  const Document& document = model.document();
  if (nodeKindOf(loop) != NodeKind::ForStatement || nodeType(ts_node_child(loop, 0)) == "async" ||
      !ts_node_is_null(childByField(loop, "alternative")) || inClassBody(loop) ||
      model.hasCommentIn(rangeOf(loop))) {
    return std::nullopt;
  }
  std::vector<TSNode> statements = namedChildrenWithoutComments(childByField(loop, "body"));
  if (statements.size() != 1 || !ts_node_eq(statements[0], parentOf(call))) return std::nullopt;
  TSNode target = childByField(loop, "left");
  TSNode iterable = childByField(loop, "right");
  std::vector<std::string_view> names;
  if (!comprehension_rewrite::collectTargetNames(target, document, names)) return std::nullopt;
  for (std::string_view name : names) {
    if (comprehension_rewrite::mentions(sql, name, document)) return std::nullopt;
  }
  if (comprehension_rewrite::hasForbiddenWalrus(iterable, {params}, names, document) ||
      comprehension_rewrite::callsScopeIntrospection(params, document)) {
    return std::nullopt;
  }
  std::string rows;
  if (nodeType(target) == "identifier" && document.text(params) == document.text(target)) {
    rows = std::string(document.text(iterable));
  } else {
    rows.append("[")
        .append(document.text(params))
        .append(" for ")
        .append(document.text(target))
        .append(" in ")
        .append(comprehension_rewrite::inComprehensionClause(iterable, document))
        .append("]");
  }
  std::string replacement(document.text(receiver));
  replacement.append(".executemany(")
      .append(document.text(sql))
      .append(", ")
      .append(rows)
      .append(")");
  return Fix{"Replace the loop with `executemany`",
             FixSafety::Unsafe,
             {{rangeOf(loop), std::move(replacement)}}};
}

class OrmWriteInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    TSNode call = site.node;
    TSNode callee = childByField(call, "function");
    if (nodeType(callee) != "attribute" || !isStatement(call)) return;
    const Document& document = model.document();
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    if (orm::iteratesFixedDisplay(loop)) return;
    std::string_view method = document.text(childByField(callee, "attribute"));
    TSNode receiver = childByField(callee, "object");
    TSNode arguments = childByField(call, "arguments");
    uint32_t argumentCount = ts_node_named_child_count(arguments);

    std::string_view modelName;
    if (method == "create" &&
        orm::isManagerCall(call, {"create"}, model, site.function, &modelName)) {
      std::string message("`");
      message.append(modelName).append(
          ".objects.create()` on every pass sends one INSERT per row; build the objects and "
          "write them with one `bulk_create()`");
      sink.report(kInfo, site, rangeOf(call), std::move(message));
      return;
    }
    uint32_t positional = 0;
    forEachNamedChild(arguments, [&](TSNode argument) {
      if (nodeType(argument) != "keyword_argument") ++positional;
    });
    if (method == "save" && positional == 0 && savesModelRow(receiver, loop, site, model)) {
      sink.report(kInfo, site, rangeOf(call),
                  "`.save()` on every pass sends one query per row; collect the rows and write "
                  "them with `bulk_create()` or `bulk_update()`");
      return;
    }
    if (method == "commit" && argumentCount == 0 && isSession(receiver, model) &&
        !conditionalInLoop(call, loop.node)) {
      sink.report(kInfo, site, rangeOf(call),
                  "`commit()` on every pass ends a transaction per row; commit once after the "
                  "loop");
      return;
    }
    if (method == "execute" && argumentCount == 2) {
      TSNode sql = ts_node_named_child(arguments, 0);
      TSNode params = ts_node_named_child(arguments, 1);
      if (nodeType(params) == "keyword_argument" || nodeType(params) == "list_splat" ||
          !isWriteStatement(constantSql(sql, site, model)) || !isCursor(receiver, site, model) ||
          conditionalInLoop(call, loop.node)) {
        return;
      }
      std::optional<Fix> fix = site.loopDepth >= 1
                                   ? executemanyFix(call, loop.node, receiver, sql, params, model)
                                   : std::nullopt;
      sink.report(kInfo, site, rangeOf(call),
                  "`execute()` of the same statement on every pass; pass all the rows to one "
                  "`executemany()`",
                  std::move(fix));
    }
  }

 private:
  // `row.save()` where `row` is the loop's variable over a Django queryset, or a name the loop
  // body binds to a new model instance (`row = Order(...)`).
  static bool savesModelRow(TSNode receiver, const LoopInfo& loop, const Site& site,
                            const SemanticModel& model) {
    if (nodeType(receiver) != "identifier") return false;
    const Document& document = model.document();
    std::string_view name = document.text(receiver);
    if (loop.kind == NodeKind::ForStatement) {
      TSNode target = childByField(loop.node, "left");
      if (nodeType(target) == "identifier" && document.text(target) == name) {
        return orm::queryOf(childByField(loop.node, "right"), site.function,
                            ts_node_start_byte(loop.node), model)
            .has_value();
      }
    }
    const Binding* binding = model.bindingBefore(name, site.function, ts_node_start_byte(receiver));
    if (!binding || !loop.repeats(rangeOf(binding->statement)) ||
        nodeType(binding->value) != "call") {
      return false;
    }
    return orm::namesModel(childByField(binding->value, "function"), orm::Orm::Django, model,
                           site.function);
  }

  // A SQLAlchemy session in a file that imports SQLAlchemy.
  static bool isSession(TSNode receiver, const SemanticModel& model) {
    return orm::isSessionName(receiver, model.document()) &&
           (orm::importsPackage(model, "sqlalchemy") ||
            orm::importsPackage(model, "flask_sqlalchemy"));
  }
};

}  // namespace

const Rule& ph602OrmWriteInLoop() {
  static const OrmWriteInLoop rule;
  return rule;
}

}  // namespace perfhint
