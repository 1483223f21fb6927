#include "analysis/rules/support/pandas_values.h"

#include "analysis/rules/support/name_list.h"       // fixed lists of names
#include "analysis/rules/support/name_rebinding.h"  // a local `pd` is not pandas
#include "analysis/syntax/node_queries.h"           // variable occurrences

#include <algorithm>  // binary_search
#include <iterator>   // begin, end
#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

// Pending: the value of a name whose binding is being resolved further up (`df = pd.concat([df,
// row])` in a loop asks what `df` holds while working that out); it agrees with any kind.
enum class Kind : uint8_t { Unknown, DataFrame, Series, NdArray, Pending };

// pandas functions that return a DataFrame (the readers unless asked for chunks).
constexpr std::string_view kFrameFunctions[] = {
    "pandas.read_csv",       "pandas.read_table",  "pandas.read_excel",     "pandas.read_parquet",
    "pandas.read_feather",   "pandas.read_fwf",    "pandas.read_sql",       "pandas.read_sql_query",
    "pandas.read_sql_table", "pandas.read_json",   "pandas.DataFrame",      "pandas.merge",
    "pandas.pivot_table",    "pandas.get_dummies", "pandas.json_normalize", "pandas.crosstab"};

// Keywords that make a reader return something else: an iterator of chunks, a dict of sheets, a
// Series.
constexpr std::string_view kNonFrameReaderKeywords[] = {"chunksize", "iterator", "sheet_name",
                                                        "typ"};

// NumPy functions that return a new array, whatever their arguments.
constexpr std::string_view kArrayFunctions[] = {
    "array",      "asarray",  "zeros",      "ones",        "empty",      "full",      "arange",
    "linspace",   "logspace", "zeros_like", "ones_like",   "empty_like", "full_like", "fromiter",
    "frombuffer", "loadtxt",  "genfromtxt", "concatenate", "stack",      "hstack",    "vstack",
    "append",     "where",    "cumsum",     "diff",        "sort",       "unique"};

// Methods that return a value of the receiver's kind (pandas 1.5).
constexpr std::string_view kFrameToFrameMethods[] = {
    "copy",         "head",     "tail",    "dropna",  "fillna",    "sort_values", "sort_index",
    "reset_index",  "query",    "assign",  "merge",   "join",      "drop",        "drop_duplicates",
    "rename",       "astype",   "round",   "abs",     "sample",    "set_index",   "ffill",
    "bfill",        "append",   "replace", "clip",    "where",     "mask",        "nlargest",
    "nsmallest",    "describe", "explode", "reindex", "transpose", "filter",      "convert_dtypes",
    "infer_objects"};
constexpr std::string_view kSeriesToSeriesMethods[] = {
    "copy",          "head",        "tail",         "dropna",
    "fillna",        "sort_values", "sort_index",   "astype",
    "round",         "abs",         "clip",         "where",
    "mask",          "replace",     "value_counts", "cumsum",
    "diff",          "shift",       "isna",         "notna",
    "isnull",        "notnull",     "isin",         "between",
    "rank",          "nlargest",    "nsmallest",    "drop_duplicates",
    "reindex",       "rename",      "sample",       "convert_dtypes",
    "infer_objects", "append"};
// `s.str.<method>()` methods that return a Series (not a frame, not lists spread over columns).
constexpr std::string_view kStringAccessorExcluded[] = {
    "split", "rsplit", "extract", "extractall", "partition", "rpartition", "get_dummies", "cat"};

constexpr std::string_view kInplace[] = {"inplace"};
constexpr std::string_view kAxis[] = {"axis"};

template <typename Names>
bool hasKeyword(TSNode call, const Names& names, const Document& document) {
  bool found = false;
  forEachNamedChild(childByField(call, "arguments"), [&](TSNode argument) {
    if (nodeType(argument) == "keyword_argument") {
      found = found || isOneOf(names, document.text(childByField(argument, "name")));
    } else if (nodeType(argument) == "dictionary_splat") {
      found = true;  // `**options` may hold any of them
    }
  });
  return found;
}

TSNode firstArgument(TSNode call) {
  TSNode arguments = childByField(call, "arguments");
  if (nodeType(arguments) != "argument_list" || ts_node_named_child_count(arguments) == 0) {
    return {};
  }
  TSNode first = ts_node_named_child(arguments, 0);
  return nodeType(first) == "keyword_argument" ? TSNode{} : first;
}

bool isNumber(TSNode node) {
  std::string_view type = nodeType(node);
  if (type == "unary_operator") return isNumber(childByField(node, "argument"));
  return type == "integer" || type == "float";
}

class Resolver {
 public:
  Resolver(int32_t function, const SemanticModel& model)
      : function_(function), model_(model), document_(model.document()) {}

  Kind of(TSNode node) {
    if (++depth_ > 24) return Kind::Unknown;  // long chains of rebinding: give up
    Kind kind = dispatch(node);
    --depth_;
    return kind;
  }

 private:
  Kind dispatch(TSNode node) {
    std::string_view type = nodeType(node);
    if (type == "parenthesized_expression" && ts_node_named_child_count(node) == 1) {
      return of(ts_node_named_child(node, 0));
    }
    if (type == "identifier") return name(node);
    if (type == "call") return call(node);
    if (type == "subscript") return subscript(node);
    if (type == "attribute") {
      Kind object = of(childByField(node, "object"));
      std::string_view attribute = document_.text(childByField(node, "attribute"));
      bool pandas = object == Kind::DataFrame || object == Kind::Series;
      return pandas && attribute == "values" ? Kind::NdArray : Kind::Unknown;
    }
    if (type == "binary_operator") {
      TSNode left = childByField(node, "left"), right = childByField(node, "right");
      Kind leftKind = isNumber(left) ? Kind::Pending : of(left);
      Kind rightKind = isNumber(right) ? Kind::Pending : of(right);
      if (leftKind == Kind::Series && (rightKind == Kind::Series || rightKind == Kind::Pending)) {
        return Kind::Series;
      }
      if (rightKind == Kind::Series && leftKind == Kind::Pending) return Kind::Series;
    }
    return Kind::Unknown;
  }

  Kind call(TSNode node) {
    TSNode callee = childByField(node, "function");
    std::string qualified = model_.qualifiedName(callee, function_);
    if (!qualified.empty()) {
      if (rootShadowedLocally(callee, Site{node, function_}, model_)) return Kind::Unknown;
      if (isOneOf(kFrameFunctions, qualified)) {
        return hasKeyword(node, kNonFrameReaderKeywords, document_) ? Kind::Unknown
                                                                    : Kind::DataFrame;
      }
      if (qualified == "pandas.Series") return Kind::Series;
      if (qualified == "pandas.concat") return concat(node);
      if (qualified.starts_with("numpy.") &&
          isOneOf(kArrayFunctions, std::string_view(qualified).substr(6))) {
        return Kind::NdArray;
      }
      return Kind::Unknown;
    }
    if (nodeType(callee) != "attribute") return Kind::Unknown;
    std::string_view method = document_.text(childByField(callee, "attribute"));
    TSNode object = childByField(callee, "object");
    // `s.str.upper()`: the accessor of a known Series.
    if (nodeType(object) == "attribute" &&
        document_.text(childByField(object, "attribute")) == "str") {
      bool series = of(childByField(object, "object")) == Kind::Series;
      return series && !isOneOf(kStringAccessorExcluded, method) ? Kind::Series : Kind::Unknown;
    }
    Kind receiver = of(object);
    if (method == "to_numpy" && (receiver == Kind::DataFrame || receiver == Kind::Series)) {
      return Kind::NdArray;
    }
    if (receiver == Kind::Pending &&
        (isOneOf(kFrameToFrameMethods, method) || isOneOf(kSeriesToSeriesMethods, method))) {
      return Kind::Pending;
    }
    if (receiver == Kind::DataFrame && isOneOf(kFrameToFrameMethods, method)) {
      // `inplace=True` returns None.
      return hasKeyword(node, kInplace, document_) ? Kind::Unknown : Kind::DataFrame;
    }
    if (receiver == Kind::Series && isOneOf(kSeriesToSeriesMethods, method)) {
      return hasKeyword(node, kInplace, document_) ? Kind::Unknown : Kind::Series;
    }
    return Kind::Unknown;
  }

  // `pd.concat([a, b])`: a frame when any piece is one, a Series when all known pieces are.
  Kind concat(TSNode node) {
    TSNode pieces = firstArgument(node);
    std::string_view type = nodeType(pieces);
    if (type != "list" && type != "tuple") return Kind::Unknown;
    bool frame = false, series = false, pending = false, unknown = false;
    forEachNamedChild(pieces, [&](TSNode piece) {
      switch (of(piece)) {
        case Kind::DataFrame: frame = true; break;
        case Kind::Series: series = true; break;
        case Kind::Pending: pending = true; break;
        default: unknown = true; break;
      }
    });
    if (frame) return Kind::DataFrame;
    if (series && !unknown && !hasKeyword(node, kAxis, document_)) return Kind::Series;
    return pending && !unknown && !series ? Kind::Pending : Kind::Unknown;
  }

  Kind subscript(TSNode node) {
    if (of(childByField(node, "value")) != Kind::DataFrame) return Kind::Unknown;
    // One key: `df["a"]`; several (`df["a", "b"]`) index a MultiIndex.
    if (ts_node_named_child_count(node) != 2) return Kind::Unknown;
    TSNode key = childByField(node, "subscript");
    std::string_view type = nodeType(key);
    if (isPlainString(key)) return Kind::Series;
    if (type == "list") {
      bool strings = ts_node_named_child_count(key) > 0;
      forEachNamedChild(key, [&](TSNode item) { strings = strings && isPlainString(item); });
      return strings ? Kind::DataFrame : Kind::Unknown;
    }
    // `df[df["a"] > 0]`: a boolean mask from one of its columns keeps the rows that match.
    if (type == "comparison_operator" && of(ts_node_named_child(key, 0)) == Kind::Series) {
      return Kind::DataFrame;
    }
    return Kind::Unknown;
  }

  Kind name(TSNode identifier) {
    std::string_view text = document_.text(identifier);
    if (std::find(resolving_.begin(), resolving_.end(), text) != resolving_.end()) {
      return Kind::Pending;
    }
    // The last `text = ...` before the use, skipping the statement the use is part of.
    uint32_t offset = ts_node_start_byte(identifier);
    const Binding* binding = model_.bindingBefore(text, function_, offset);
    while (binding && rangeOf(binding->statement).contains(rangeOf(identifier))) {
      binding = model_.bindingBefore(text, function_, ts_node_start_byte(binding->statement));
    }
    resolving_.push_back(text);
    Kind kind = Kind::Unknown;
    TSNode origin{};
    if (binding) {
      kind = of(binding->value);
      origin = ts_node_named_child(binding->statement, 0);  // the assignment
    } else {
      kind = annotatedParameter(text, origin);
    }
    if (kind != Kind::Unknown && kind != Kind::Pending &&
        !otherBindingsAgree(text, identifier, origin, kind)) {
      kind = Kind::Unknown;
    }
    resolving_.pop_back();
    return kind == Kind::Pending ? Kind::Unknown : kind;
  }

  // The kind a parameter of the function is annotated with; `origin` is set to the parameter.
  Kind annotatedParameter(std::string_view text, TSNode& origin) {
    if (function_ == kModuleScope) return Kind::Unknown;
    TSNode definition = model_.functions()[static_cast<size_t>(function_)].node;
    Kind kind = Kind::Unknown;
    forEachNamedChild(childByField(definition, "parameters"), [&](TSNode parameter) {
      std::string_view type = nodeType(parameter);
      if (type != "typed_parameter" && type != "typed_default_parameter") return;
      TSNode nameNode = type == "typed_parameter" ? ts_node_named_child(parameter, 0)
                                                  : childByField(parameter, "name");
      if (nodeType(nameNode) != "identifier" || document_.text(nameNode) != text) return;
      TSNode annotation = childByField(parameter, "type");
      if (ts_node_named_child_count(annotation) != 1) return;
      std::string qualified = model_.qualifiedName(ts_node_named_child(annotation, 0), function_);
      origin = parameter;
      if (qualified == "pandas.DataFrame") kind = Kind::DataFrame;
      if (qualified == "pandas.Series") kind = Kind::Series;
      if (qualified == "numpy.ndarray") kind = Kind::NdArray;
    });
    return kind;
  }

  // Whether every other binding of `text` that may reach `use` gives the same kind: those after
  // `origin` and before the use, those before it that the origin may not override, and those in
  // a loop around the use (a later pass sees them).
  bool otherBindingsAgree(std::string_view text, TSNode use, TSNode origin, Kind kind) {
    TSNode scope = model_.scopeNode(function_);
    ByteRange useRange = rangeOf(use);
    uint32_t after = ts_node_is_null(origin) ? 0 : ts_node_end_byte(origin);
    // The block the origin's statement sits in (a parameter's: the whole function).
    ByteRange originBlock = rangeOf(scope);
    if (!ts_node_is_null(origin) && nodeType(origin) == "assignment") {
      originBlock = rangeOf(syntax::parentOf(syntax::parentOf(origin)));
    }
    for (TSNode occurrence : variablesNamed(scope, document_.text(), text, false)) {
      if (!isBindingOccurrence(occurrence)) continue;
      ByteRange range = rangeOf(occurrence);
      if (!ts_node_is_null(origin) && rangeOf(origin).contains(range)) continue;
      bool between = range.start >= after && range.start < useRange.start;
      // An earlier binding counts too unless the origin always runs after it and before the use:
      // the origin's block holds both (`if c: df = a()` then `df = pd.read_csv(p)` is fine, an
      // origin inside an `if` is not).
      bool earlier = !ts_node_is_null(origin) && range.start < ts_node_start_byte(origin) &&
                     !(originBlock.contains(range) && originBlock.contains(useRange));
      bool sameLoop = false;
      for (const LoopInfo& loop : model_.loops()) {
        if (loop.function == function_ && loop.repeats(useRange) && loop.repeats(range)) {
          sameLoop = true;
          break;
        }
      }
      if (!between && !earlier && !sameLoop) continue;
      TSNode parent = syntax::parentOf(occurrence);
      std::string_view parentType = nodeType(parent);
      if (parentType == "augmented_assignment") continue;  // `df += 1` keeps the kind
      if (parentType != "assignment" || !ts_node_eq(childByField(parent, "left"), occurrence)) {
        return false;
      }
      TSNode value = childByField(parent, "right");
      if (ts_node_is_null(value)) return false;
      Kind other = of(value);
      if (other != kind && other != Kind::Pending) return false;
    }
    return true;
  }

  int32_t function_;
  const SemanticModel& model_;
  const Document& document_;
  std::vector<std::string_view> resolving_;
  int depth_ = 0;
};

constexpr std::string_view kSeriesAttributes[] = {
    "T",
    "abs",
    "add",
    "add_prefix",
    "add_suffix",
    "agg",
    "aggregate",
    "align",
    "all",
    "any",
    "append",
    "apply",
    "argmax",
    "argmin",
    "argsort",
    "array",
    "asfreq",
    "asof",
    "astype",
    "at",
    "at_time",
    "attrs",
    "autocorr",
    "axes",
    "backfill",
    "between",
    "between_time",
    "bfill",
    "bool",
    "cat",
    "clip",
    "combine",
    "combine_first",
    "compare",
    "convert_dtypes",
    "copy",
    "corr",
    "count",
    "cov",
    "cummax",
    "cummin",
    "cumprod",
    "cumsum",
    "describe",
    "diff",
    "div",
    "divide",
    "divmod",
    "dot",
    "drop",
    "drop_duplicates",
    "droplevel",
    "dropna",
    "dt",
    "dtype",
    "dtypes",
    "duplicated",
    "empty",
    "eq",
    "equals",
    "ewm",
    "expanding",
    "explode",
    "factorize",
    "ffill",
    "fillna",
    "filter",
    "first",
    "first_valid_index",
    "flags",
    "floordiv",
    "ge",
    "get",
    "groupby",
    "gt",
    "hasnans",
    "head",
    "hist",
    "iat",
    "idxmax",
    "idxmin",
    "iloc",
    "index",
    "infer_objects",
    "info",
    "interpolate",
    "is_monotonic",
    "is_monotonic_decreasing",
    "is_monotonic_increasing",
    "is_unique",
    "isin",
    "isna",
    "isnull",
    "item",
    "items",
    "iteritems",
    "keys",
    "kurt",
    "kurtosis",
    "last",
    "last_valid_index",
    "le",
    "loc",
    "lt",
    "mad",
    "map",
    "mask",
    "max",
    "mean",
    "median",
    "memory_usage",
    "min",
    "mod",
    "mode",
    "mul",
    "multiply",
    "name",
    "nbytes",
    "ndim",
    "ne",
    "nlargest",
    "notna",
    "notnull",
    "nsmallest",
    "nunique",
    "pad",
    "pct_change",
    "pipe",
    "plot",
    "pop",
    "pow",
    "prod",
    "product",
    "quantile",
    "radd",
    "rank",
    "ravel",
    "rdiv",
    "rdivmod",
    "reindex",
    "reindex_like",
    "rename",
    "rename_axis",
    "reorder_levels",
    "repeat",
    "replace",
    "resample",
    "reset_index",
    "rfloordiv",
    "rmod",
    "rmul",
    "rolling",
    "round",
    "rpow",
    "rsub",
    "rtruediv",
    "sample",
    "searchsorted",
    "sem",
    "set_axis",
    "set_flags",
    "shape",
    "shift",
    "size",
    "skew",
    "slice_shift",
    "sort_index",
    "sort_values",
    "sparse",
    "squeeze",
    "std",
    "str",
    "sub",
    "subtract",
    "sum",
    "swapaxes",
    "swaplevel",
    "tail",
    "take",
    "to_clipboard",
    "to_csv",
    "to_dict",
    "to_excel",
    "to_frame",
    "to_hdf",
    "to_json",
    "to_latex",
    "to_list",
    "to_markdown",
    "to_numpy",
    "to_period",
    "to_pickle",
    "to_sql",
    "to_string",
    "to_timestamp",
    "to_xarray",
    "tolist",
    "transform",
    "transpose",
    "truediv",
    "truncate",
    "tshift",
    "tz_convert",
    "tz_localize",
    "unique",
    "unstack",
    "update",
    "value_counts",
    "values",
    "var",
    "view",
    "where",
    "xs",
};

}  // namespace

ArrayValue arrayValueOf(TSNode expression, int32_t function, const SemanticModel& model) {
  switch (Resolver(function, model).of(expression)) {
    case Kind::DataFrame: return ArrayValue::DataFrame;
    case Kind::Series: return ArrayValue::Series;
    case Kind::NdArray: return ArrayValue::NdArray;
    default: return ArrayValue::Unknown;
  }
}

bool isSeriesAttribute(std::string_view name) {
  return std::binary_search(std::begin(kSeriesAttributes), std::end(kSeriesAttributes), name);
}

bool isPlainAttributeName(std::string_view text) {
  static constexpr std::string_view kKeywords[] = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  if (text.empty() || text[0] == '_' || (text[0] >= '0' && text[0] <= '9')) return false;
  for (char c : text) {
    bool word =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!word) return false;  // non-ASCII identifiers are left alone too
  }
  return std::find(std::begin(kKeywords), std::end(kKeywords), text) == std::end(kKeywords);
}

std::string_view plainStringContent(TSNode node, const Document& document) {
  if (nodeType(node) != "string" || ts_node_named_child_count(node) != 3) return {};
  std::string_view start = document.text(ts_node_named_child(node, 0));
  if (start != "\"" && start != "'") return {};
  TSNode content = ts_node_named_child(node, 1);
  if (nodeType(content) != "string_content" || ts_node_named_child_count(content) != 0) return {};
  return document.text(content);
}

std::string_view subscriptColumn(TSNode frame, const Document& document) {
  TSNode parent = syntax::parentOf(frame);
  if (nodeType(parent) != "subscript" || !ts_node_eq(childByField(parent, "value"), frame) ||
      ts_node_named_child_count(parent) != 2) {
    return {};
  }
  return plainStringContent(childByField(parent, "subscript"), document);
}

TSNode csvReadTarget(const Site& site, const SemanticModel& model,
                     std::initializer_list<std::string_view> settings) {
  static constexpr std::string_view kCsvReaders[] = {"pandas.read_csv", "pandas.read_table"};
  TSNode call = site.node;
  TSNode callee = childByField(call, "function");
  if (!isOneOf(kCsvReaders, model.qualifiedName(callee, site.function)) ||
      rootShadowedLocally(callee, site, model) || hasKeyword(call, settings, model.document())) {
    return {};
  }
  TSNode assignment = syntax::parentOf(call);
  TSNode left = childByField(assignment, "left");
  if (nodeType(assignment) != "assignment" || nodeType(left) != "identifier" ||
      nodeType(syntax::parentOf(assignment)) != "expression_statement") {
    return {};
  }
  return left;
}

}  // namespace perfhint
