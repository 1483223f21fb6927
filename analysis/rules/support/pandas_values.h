// Which expressions hold a pandas DataFrame or Series or a NumPy array, as far as the code shows:
// what the pandas and NumPy rules need before they say a method is pandas's and not a list's.
#pragma once

#include "analysis/semantic/semantic_model.h"  // imports, bindings, scopes

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace perfhint {

/// The kind of value an expression holds; Unknown unless the code shows it.
enum class ArrayValue : uint8_t { Unknown, DataFrame, Series, NdArray };

/// What `expression`, evaluated in `function`, holds. Known are: a call into pandas or NumPy that
/// returns one (`pd.read_csv(path)` without `chunksize`, `pd.DataFrame(...)`, `pd.Series(...)`,
/// `pd.concat([...])` of known frames, `np.zeros(n)`); a column of a known frame (`df["a"]`, a
/// list of columns gives a frame, a comparison of a known column gives a filtered frame); a
/// method of a known value that returns the same kind (`df.dropna()`, `s.str.upper()`); Series
/// arithmetic with numbers; a name whose last plain assignment in the same scope gives one, when
/// no other binding of the name lies between that assignment and the use or in a loop around
/// the use (unless it gives the same kind); a parameter annotated `pd.DataFrame`, `pd.Series` or
/// `np.ndarray` that nothing rebinds. An unannotated parameter, a global and an attribute
/// (`df.col`, `self.frame`) are Unknown.
ArrayValue arrayValueOf(TSNode expression, int32_t function, const SemanticModel& model);

/// Whether `name` is an attribute or method of a pandas Series (pandas 1.5): on a row from
/// `iterrows()` or `apply(axis=1)`, `row.name` is the row's label and `row.count` a method, not
/// the column of that name.
bool isSeriesAttribute(std::string_view name);

/// Whether `text` can be written as an attribute: an identifier that is not a keyword and does
/// not start with an underscore (`itertuples()` renames such columns).
bool isPlainAttributeName(std::string_view text);

/// The text of a string literal without its quotes when it is a plain one (no prefix, escape
/// or interpolation), else empty.
std::string_view plainStringContent(TSNode node, const Document& document);

/// The column `df["col"]` reads when `frame` is the `df` of such a subscript with a plain string
/// key, else empty.
std::string_view subscriptColumn(TSNode frame, const Document& document);

/// The name a CSV is read into whole: the identifier on the left of `name = pd.read_csv(...)` or
/// `name = pd.read_table(...)` (resolved through the imports, the root not bound otherwise in the
/// call's function) when `site`'s call is that assignment's whole value, the assignment is a
/// statement of its own, and the call passes none of the keyword arguments `settings` and no
/// `**options`. A null node otherwise.
TSNode csvReadTarget(const Site& site, const SemanticModel& model,
                     std::initializer_list<std::string_view> settings);

}  // namespace perfhint
