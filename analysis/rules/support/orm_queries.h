// What the database rules (PH601-PH604) need to know about ORM code: which classes in the file
// are Django or SQLAlchemy models and which of their attributes are relations, and whether an
// expression is a Django queryset or a SQLAlchemy query (following a local name to the value it
// was bound to). Names are resolved through the file's imports, not matched by spelling.
#pragma once

#include "analysis/semantic/semantic_model.h"  // imports, bindings, sites

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint::orm {

enum class Orm : uint8_t { Django, SqlAlchemy };

/// What reading an attribute of a model instance costs.
enum class FieldKind : uint8_t {
  Plain,       ///< a column: read from the row already loaded
  ToOne,       ///< ForeignKey, OneToOneField: one query for the related row when first read
  ToMany,      ///< ManyToManyField, a reverse ForeignKey, relationship(): one query per read
  EagerOne,    ///< SQLAlchemy relationship() loaded with its parent (`lazy="joined"` and the like)
  GenericOne,  ///< Django GenericForeignKey: one query per read, loaded by prefetch_related only
};

struct ModelField {
  std::string name;  ///< owned: a reverse accessor (`item_set`) is not in the text
  FieldKind kind = FieldKind::Plain;
};

/// A model class defined in the file, with the fields its body declares and the reverse
/// relations other models in the file point at it with.
struct ModelClass {
  std::string_view name;
  Orm orm = Orm::Django;
  std::vector<ModelField> fields;
};

/// The model classes defined in the file. A Django model subclasses `django.db.models.Model`
/// (or another model of the file); a SQLAlchemy model declares `__tablename__` or a column or
/// relationship from `sqlalchemy`.
std::vector<ModelClass> modelClasses(const SemanticModel& model);

/// The class named `name` in `models`, or nullptr.
const ModelClass* findModel(const std::vector<ModelClass>& models, std::string_view name);

/// The kind of `model`'s attribute `attribute`, or nullopt when the class does not declare it.
std::optional<FieldKind> fieldKind(const ModelClass& model, std::string_view attribute);

/// A query over the rows of one model, as written in the file.
struct Query {
  Orm orm = Orm::Django;
  std::string_view modelName;  ///< `Order` in `Order.objects.filter(...)`
  /// The outermost expression of the query as written (the loop's iterable, or the value of the
  /// binding a name in the loop refers to): a loading call is appended at its end.
  TSNode outermost;
  bool outermostIsBindingValue = false;  ///< whether `outermost` is a binding's value
  /// Relation names the query already loads (`select_related("user")`, `prefetch_related`,
  /// `.options(...)`): the first part of each lookup, or every name an `.options()` mentions.
  std::vector<std::string_view> loadedRelations;
  bool loadsAllToOne = false;  ///< `select_related()` with no arguments
  /// `.only()` or `.defer()`: a relation left out of the columns cannot be selected along.
  bool defersColumns = false;
};

/// The query `expression` builds, following names to their last binding in the function
/// before `offset`. Only chains of methods that return rows of the model count:
/// `Order.objects.filter(...).order_by(...)`, `session.query(Order).filter(...)`,
/// `session.scalars(select(Order).where(...))`; `.values()`, `.count()` and the like do not.
std::optional<Query> queryOf(TSNode expression, int32_t function, uint32_t offset,
                             const SemanticModel& model);

/// Whether `name` (an identifier) names a model class of `orm`: a model class of the file, or an
/// imported name in a file that imports the ORM (or that comes from a `models` module).
bool namesModel(TSNode name, Orm orm, const SemanticModel& model, int32_t function);

/// Whether `call` is `Model.objects.<method>(...)` on a Django manager, for one of `methods`;
/// gives the model name in `modelName`.
bool isManagerCall(TSNode call, std::initializer_list<std::string_view> methods,
                   const SemanticModel& model, int32_t function, std::string_view* modelName);

/// Whether `receiver` is named like a SQLAlchemy session (`session`, `db.session`, `sess`, or
/// a name ending in `_session`): sessions are made at run time, so their name is what a rule
/// can see.
bool isSessionName(TSNode receiver, const Document& document);

/// Whether `loop` goes over a list, tuple or set written out in the code (`for k in ("a", "b")`):
/// a handful of passes fixed in the source, where batching the database calls saves little.
bool iteratesFixedDisplay(const LoopInfo& loop);

/// Whether the file imports a module whose qualified name starts with `prefix` ("django",
/// "sqlalchemy") anywhere.
bool importsPackage(const SemanticModel& model, std::string_view prefix);

}  // namespace perfhint::orm
