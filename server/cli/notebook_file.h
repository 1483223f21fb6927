// Jupyter notebooks (.ipynb) on disk: the code cells' sources out of the JSON, and the JSON back
// with only the changed cells' `source` values replaced, every other byte kept as it was read
// (outputs, metadata, execution counts, key order, indentation, the final newline).
#pragma once

#include "analysis/syntax/byte_range.h"  // where a value lies in the file

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace perfhint::cli {

/// One code cell of a notebook.
struct NotebookCodeCell {
  uint32_t index = 0;     ///< zero-based position in the notebook's `cells` array (all kinds)
  std::string source;     ///< the joined `source` lines
  ByteRange sourceValue;  ///< the `source` value's bytes in the file
  /// Where each line's JSON string starts (its '"'), when the value is a list whose elements
  /// are exactly the lines (as Jupyter writes them); else empty.
  std::vector<uint32_t> lineStarts;
};

struct NotebookFile {
  std::string text;  ///< the file as read
  /// False when the metadata names another language (kernelspec.language or
  /// language_info.name); such a notebook is not checked.
  bool isPython = true;
  std::vector<NotebookCodeCell> codeCells;
};

/// Reads a notebook's JSON text; on failure, why (e.g. "invalid notebook JSON: ...").
std::variant<NotebookFile, std::string> parseNotebook(std::string text);

/// Whether `path` names a notebook (by its .ipynb extension).
bool isNotebookPath(std::string_view path);

/// `notebook.text` with the `source` of each code cell whose entry in `newSources` is set
/// replaced (same order as `codeCells`). The new value keeps the old one's shape: a list of
/// lines (each but the last ending in "\n", as Jupyter writes them) laid out with the old
/// value's indentation, or a single string.
std::string rewriteNotebook(const NotebookFile& notebook,
                            const std::vector<std::optional<std::string>>& newSources);

}  // namespace perfhint::cli
