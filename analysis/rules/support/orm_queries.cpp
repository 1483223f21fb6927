#include "analysis/rules/support/orm_queries.h"

#include "analysis/syntax/node_queries.h"  // walks, string checks

#include <algorithm>  // find_if
#include <cctype>     // tolower

namespace perfhint::orm {
namespace {

using syntax::childByField;
using syntax::nodeType;

// Methods of a Django queryset that return a queryset of the same model's instances.
bool isDjangoRowMethod(std::string_view method) {
  static constexpr std::string_view kMethods[] = {"all",
                                                  "filter",
                                                  "exclude",
                                                  "order_by",
                                                  "select_related",
                                                  "prefetch_related",
                                                  "distinct",
                                                  "annotate",
                                                  "only",
                                                  "defer",
                                                  "using",
                                                  "reverse",
                                                  "alias",
                                                  "extra",
                                                  "complex_filter",
                                                  "select_for_update"};
  return std::find(std::begin(kMethods), std::end(kMethods), method) != std::end(kMethods);
}

// Methods of a SQLAlchemy Query or Select that keep returning rows of the same entity.
bool isSqlAlchemyRowMethod(std::string_view method) {
  static constexpr std::string_view kMethods[] = {
      "filter", "filter_by", "where", "order_by",          "join",  "outerjoin", "options", "limit",
      "offset", "distinct",  "all",   "execution_options", "unique"};
  return std::find(std::begin(kMethods), std::end(kMethods), method) != std::end(kMethods);
}

std::string_view lastSegment(std::string_view dotted) {
  size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

// The text of a string literal without quotes and prefixes; empty for anything else.
std::string_view stringValue(TSNode node, const Document& document) {
  if (!isPlainString(node) || nodeType(node) != "string") return {};
  std::string_view text = document.text(node);
  size_t open = text.find_first_of("'\"");
  if (open == std::string_view::npos) return {};
  char quote = text[open];
  size_t close = text.rfind(quote);
  if (close <= open) return {};
  return text.substr(open + 1, close - open - 1);
}

// The model class name a relation field points at: `ForeignKey(User, ...)`,
// `ForeignKey("User", ...)`, `relationship("User")`.
std::string_view relationTarget(TSNode arguments, const Document& document) {
  TSNode first = ts_node_named_child(arguments, 0);
  if (ts_node_is_null(first) || nodeType(first) == "keyword_argument") return {};
  if (nodeType(first) == "identifier") return document.text(first);
  return lastSegment(stringValue(first, document));
}

struct PendingReverse {
  std::string_view target;
  ModelField field;
};

bool isDjangoBase(TSNode base, const SemanticModel& model, const std::vector<ModelClass>& known) {
  std::string qualified = model.qualifiedName(base, kModuleScope);
  if (qualified == "django.db.models.Model") return true;
  if (nodeType(base) != "identifier") return false;
  const ModelClass* parent = findModel(known, model.document().text(base));
  return parent && parent->orm == Orm::Django;
}

// Reads the fields of one class body into `out`, and the reverse accessors its relations give
// other classes into `reverse`. Returns whether the body marks the class as a SQLAlchemy model
// (a column or relationship from `sqlalchemy`, or `__tablename__`).
bool readFields(TSNode body, const SemanticModel& model, ModelClass& out,
                std::vector<PendingReverse>& reverse) {
  const Document& document = model.document();
  bool marked = false;
  forEachNamedChild(body, [&](TSNode statement) {
    if (nodeType(statement) != "expression_statement") return;
    TSNode assignment = ts_node_named_child(statement, 0);
    if (nodeType(assignment) != "assignment") return;
    TSNode left = childByField(assignment, "left");
    TSNode right = childByField(assignment, "right");
    if (nodeType(left) != "identifier" || ts_node_is_null(right)) return;
    std::string_view name = document.text(left);
    if (name == "__tablename__") marked = true;
    if (nodeType(right) != "call") return;
    TSNode arguments = childByField(right, "arguments");
    std::string qualified = model.qualifiedName(childByField(right, "function"), kModuleScope);
    std::string_view kind = lastSegment(qualified);
    bool fromDjango = qualified.starts_with("django.");
    bool fromSqlAlchemy = qualified.starts_with("sqlalchemy.");
    ModelField field{std::string(name), FieldKind::Plain};
    if (fromDjango && (kind == "ForeignKey" || kind == "OneToOneField")) {
      field.kind = FieldKind::ToOne;
    } else if (fromDjango && kind == "ManyToManyField") {
      field.kind = FieldKind::ToMany;
    } else if (fromDjango && kind == "GenericForeignKey") {
      field.kind = FieldKind::GenericOne;
    } else if (fromSqlAlchemy && (kind == "relationship" || kind == "relation")) {
      marked = true;
      field.kind = FieldKind::ToMany;
      std::string_view lazy =
          stringValue(keywordArgumentValue(arguments, document.text(), "lazy"), document);
      if (lazy == "joined" || lazy == "selectin" || lazy == "subquery" || lazy == "immediate") {
        field.kind = FieldKind::EagerOne;
      } else if (!lazy.empty() && lazy != "select") {
        // "dynamic", "raise", "noload": not loaded one row at a time the usual way.
        field.kind = FieldKind::Plain;
      }
    } else if (fromSqlAlchemy) {
      marked = marked || kind == "Column" || kind == "mapped_column";
    }
    if (field.kind != FieldKind::Plain && fromDjango) {
      std::string_view target = relationTarget(arguments, document);
      std::string_view related =
          stringValue(keywordArgumentValue(arguments, document.text(), "related_name"), document);
      // A reverse one-to-one reads one row; the others give a manager over many.
      FieldKind reverseKind = kind == "OneToOneField" ? FieldKind::ToOne : FieldKind::ToMany;
      bool hasRelatedName =
          !ts_node_is_null(keywordArgumentValue(arguments, document.text(), "related_name"));
      if (!target.empty() && !related.empty() && related != "+") {
        reverse.push_back({target, {std::string(related), reverseKind}});
      } else if (!target.empty() && !hasRelatedName && kind != "GenericForeignKey") {
        // Without related_name Django names the reverse accessor after the class: `item_set`,
        // or `item` for a one-to-one.
        std::string accessor(out.name);
        for (char& c : accessor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (reverseKind == FieldKind::ToMany) accessor += "_set";
        reverse.push_back({target, {std::move(accessor), reverseKind}});
      }
    }
    out.fields.push_back(std::move(field));
  });
  return marked;
}

}  // namespace

std::vector<ModelClass> modelClasses(const SemanticModel& model) {
  std::vector<ModelClass> models;
  std::vector<PendingReverse> reverse;
  const Document& document = model.document();
  for (const Site& site : model.sites(NodeKind::ClassDefinition)) {
    TSNode node = site.node;
    ModelClass candidate{document.text(childByField(node, "name")), Orm::Django, {}};
    bool django = false;
    TSNode bases = childByField(node, "superclasses");
    if (!ts_node_is_null(bases)) {
      forEachNamedChild(bases,
                        [&](TSNode base) { django = django || isDjangoBase(base, model, models); });
    }
    std::vector<PendingReverse> ownReverse;
    bool sqlAlchemy = readFields(childByField(node, "body"), model, candidate, ownReverse);
    if (!django && !sqlAlchemy) continue;
    candidate.orm = django ? Orm::Django : Orm::SqlAlchemy;
    reverse.insert(reverse.end(), ownReverse.begin(), ownReverse.end());
    models.push_back(std::move(candidate));
  }
  for (const PendingReverse& pending : reverse) {
    for (ModelClass& target : models) {
      if (target.name == pending.target) target.fields.push_back(pending.field);
    }
  }
  return models;
}

const ModelClass* findModel(const std::vector<ModelClass>& models, std::string_view name) {
  auto found = std::find_if(models.begin(), models.end(),
                            [&](const ModelClass& candidate) { return candidate.name == name; });
  return found == models.end() ? nullptr : &*found;
}

std::optional<FieldKind> fieldKind(const ModelClass& model, std::string_view attribute) {
  for (const ModelField& field : model.fields) {
    if (field.name == attribute) return field.kind;
  }
  return std::nullopt;
}

bool importsPackage(const SemanticModel& model, std::string_view prefix) {
  for (const ImportBinding& binding : model.imports()) {
    std::string_view name = binding.qualifiedName;
    if (name.starts_with(prefix) && (name.size() == prefix.size() || name[prefix.size()] == '.'))
      return true;
  }
  return false;
}

bool iteratesFixedDisplay(const LoopInfo& loop) {
  TSNode iterable{};
  if (loop.kind == NodeKind::ForStatement) {
    iterable = childByField(loop.node, "right");
  } else if (loop.kind != NodeKind::WhileStatement) {
    TSNode clause = firstChildOfType(loop.node, "for_in_clause");
    if (!ts_node_is_null(clause)) iterable = childByField(clause, "right");
  }
  if (ts_node_is_null(iterable)) return false;
  std::string_view type = nodeType(iterable);
  return type == "list" || type == "tuple" || type == "set";
}

bool isSessionName(TSNode receiver, const Document& document) {
  std::string_view type = nodeType(receiver);
  if (type != "identifier" && type != "attribute") return false;
  TSNode name = type == "attribute" ? childByField(receiver, "attribute") : receiver;
  std::string_view text = document.text(name);
  return text == "session" || text == "sess" || text.ends_with("_session") || text == "dbsession";
}

bool namesModel(TSNode name, Orm orm, const SemanticModel& model, int32_t function) {
  if (nodeType(name) != "identifier") return false;
  // MongoEngine documents have `objects` managers with Django-like methods too.
  if (orm == Orm::Django && importsPackage(model, "mongoengine")) return false;
  std::string_view text = model.document().text(name);
  for (const Site& site : model.sites(NodeKind::ClassDefinition)) {
    if (model.document().text(childByField(site.node, "name")) == text) {
      std::vector<ModelClass> models = modelClasses(model);
      const ModelClass* found = findModel(models, text);
      return found && found->orm == orm;
    }
  }
  if (orm == Orm::Django) {
    // A data migration's historical model: `Order = apps.get_model("shop", "Order")`.
    const Binding* local = model.bindingBefore(text, function, ts_node_start_byte(name));
    if (local && local->shape == ValueShape::Call && local->callee.ends_with(".get_model"))
      return true;
  }
  const ImportBinding* binding = model.resolveImport(text, function);
  if (!binding) return false;
  if (binding->qualifiedName.find("models") != std::string::npos) return true;
  return importsPackage(model, orm == Orm::Django ? "django" : "sqlalchemy") ||
         (orm == Orm::SqlAlchemy && importsPackage(model, "flask_sqlalchemy"));
}

namespace {

void collectLoaded(TSNode arguments, std::string_view method, const Document& document,
                   Query& query) {
  if (method == "select_related" && ts_node_named_child_count(arguments) == 0) {
    query.loadsAllToOne = true;
  }
  // Every string in the arguments (lookups and Prefetch("items", ...)) and, for `.options()`,
  // every attribute name (`selectinload(Order.items)`).
  forEachNode(arguments, [&](TSNode node) {
    std::string_view type = nodeType(node);
    if (type == "string") {
      std::string_view value = stringValue(node, document);
      query.loadedRelations.push_back(value.substr(0, value.find("__")));
    } else if (type == "attribute" && method == "options") {
      query.loadedRelations.push_back(document.text(childByField(node, "attribute")));
    }
  });
}

}  // namespace

bool isManagerCall(TSNode call, std::initializer_list<std::string_view> methods,
                   const SemanticModel& model, int32_t function, std::string_view* modelName) {
  if (nodeType(call) != "call") return false;
  TSNode callee = childByField(call, "function");
  if (nodeType(callee) != "attribute") return false;
  const Document& document = model.document();
  std::string_view method = document.text(childByField(callee, "attribute"));
  if (std::find(methods.begin(), methods.end(), method) == methods.end()) return false;
  TSNode manager = childByField(callee, "object");
  if (nodeType(manager) != "attribute" ||
      document.text(childByField(manager, "attribute")) != "objects") {
    return false;
  }
  TSNode root = childByField(manager, "object");
  if (!namesModel(root, Orm::Django, model, function)) return false;
  if (modelName) *modelName = document.text(root);
  return true;
}

std::optional<Query> queryOf(TSNode expression, int32_t function, uint32_t offset,
                             const SemanticModel& model) {
  const Document& document = model.document();
  Query query;
  query.outermost = expression;
  TSNode at = expression;
  bool scalarsTaken = false;  // an `.execute(...)` below gives instances, not rows
  for (int followed = 0; followed < 4;) {
    std::string_view type = nodeType(at);
    if (type == "identifier") {
      // A local name: the query its last binding before here built, if nothing else rebinds it
      // in between.
      std::string_view name = document.text(at);
      const Binding* binding = model.bindingBefore(name, function, offset);
      if (!binding) return std::nullopt;
      TSNode scope = model.scopeNode(function);
      uint32_t from = ts_node_end_byte(binding->statement);
      for (TSNode use : variablesNamed(scope, document.text(), name, false)) {
        uint32_t start = ts_node_start_byte(use);
        if (start >= from && start < offset && isBindingOccurrence(use)) return std::nullopt;
      }
      if (followed == 0) {
        query.outermost = binding->value;
        query.outermostIsBindingValue = true;
      }
      offset = ts_node_start_byte(binding->statement);
      at = binding->value;
      ++followed;
      continue;
    }
    if (type == "parenthesized_expression") {
      at = ts_node_named_child(at, 0);
      continue;
    }
    if (type == "attribute" && document.text(childByField(at, "attribute")) == "objects") {
      // `Order.objects`: the manager, the start of a Django queryset. A Django manager is not
      // iterable itself, so a bare `Model.objects` is some other library's (MongoEngine's).
      if (ts_node_eq(at, query.outermost)) return std::nullopt;
      TSNode root = childByField(at, "object");
      if (!namesModel(root, Orm::Django, model, function)) return std::nullopt;
      query.orm = Orm::Django;
      query.modelName = document.text(root);
      return query;
    }
    if (type == "attribute" && document.text(childByField(at, "attribute")) == "query") {
      // Flask-SQLAlchemy's `Order.query`, only for a model class of the file.
      TSNode root = childByField(at, "object");
      std::vector<ModelClass> models = modelClasses(model);
      const ModelClass* found =
          nodeType(root) == "identifier" ? findModel(models, document.text(root)) : nullptr;
      if (!found || found->orm != Orm::SqlAlchemy) return std::nullopt;
      query.orm = Orm::SqlAlchemy;
      query.modelName = found->name;
      return query;
    }
    if (type != "call") return std::nullopt;
    TSNode callee = childByField(at, "function");
    TSNode arguments = childByField(at, "arguments");
    if (nodeType(callee) == "identifier") {
      // `select(Order)`, the root of a 2.0-style statement.
      std::string qualified = model.qualifiedName(callee, function);
      if (!qualified.starts_with("sqlalchemy.") || lastSegment(qualified) != "select")
        return std::nullopt;
      TSNode entity = ts_node_named_child(arguments, 0);
      if (ts_node_named_child_count(arguments) != 1 ||
          !namesModel(entity, Orm::SqlAlchemy, model, function)) {
        return std::nullopt;
      }
      query.orm = Orm::SqlAlchemy;
      query.modelName = document.text(entity);
      return query;
    }
    if (nodeType(callee) != "attribute") return std::nullopt;
    std::string_view method = document.text(childByField(callee, "attribute"));
    TSNode receiver = childByField(callee, "object");
    uint32_t argumentCount = ts_node_named_child_count(arguments);
    if (method == "scalars" && argumentCount == 0) {
      // `session.execute(select(Order)).scalars()`: the rows' first column, the instances.
      scalarsTaken = true;
      at = receiver;
      continue;
    }
    if (method == "execute" && argumentCount == 1 && scalarsTaken) {
      scalarsTaken = false;
      at = ts_node_named_child(arguments, 0);
      continue;
    }
    if (method == "query" || method == "scalars") {
      // `session.query(Order)` / `session.scalars(select(Order))`: the receiver is a session
      // whatever its name; the file must use SQLAlchemy.
      TSNode first = ts_node_named_child(arguments, 0);
      if (ts_node_named_child_count(arguments) != 1) return std::nullopt;
      if (method == "query") {
        if (!namesModel(first, Orm::SqlAlchemy, model, function) ||
            !(importsPackage(model, "sqlalchemy") || importsPackage(model, "flask_sqlalchemy"))) {
          return std::nullopt;
        }
        query.orm = Orm::SqlAlchemy;
        query.modelName = document.text(first);
        return query;
      }
      at = first;
      continue;
    }
    bool rowMethod = isDjangoRowMethod(method) || isSqlAlchemyRowMethod(method);
    if (!rowMethod) return std::nullopt;
    if (method == "select_related" || method == "prefetch_related" || method == "options") {
      collectLoaded(arguments, method, document, query);
    }
    if (method == "only" || method == "defer") query.defersColumns = true;
    at = receiver;
  }
  return std::nullopt;
}

}  // namespace perfhint::orm
