// Notebook cells as one Python program: the code cells are joined in order, each followed by one
// '\n', so an import in the first cell is known in the fifth and every cell starts on a line of
// its own. The layout maps offsets of that program back to a cell and keeps findings and fixes
// inside the cell they belong to.
//
// IPython syntax is made harmless without moving any byte, so offsets in the program and in the
// cell agree: a line magic or shell line (`%time ...`, `!pip ...`) gets '#' for its first
// character, and a cell magic cell (first line `%%...`) has every line commented out the same
// way. A cell is therefore analysed as exactly as long as it is.
#pragma once

#include "analysis/engine/finding.h"     // confining findings
#include "analysis/syntax/byte_range.h"  // offsets
#include "analysis/syntax/line_index.h"  // lines of the program

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint::notebook {

/// Replaces, in place, the first character of each IPython magic or shell line with '#' (a
/// multi-byte first character becomes '#' and spaces); in a cell magic cell, of every non-empty
/// line. The length of `source` never changes.
void neutraliseMagics(std::string& source);

/// `source` with its magics neutralised (see above).
std::string neutralisedMagics(std::string_view source);

/// After `neutralised` (a cell neutralised and then changed by fixes, which leave comments
/// alone) is written back, the magic lines of `original` get their first character back: the
/// k-th line of `neutralised` equal to a neutralised line of `original` is restored to the k-th
/// such line of `original`.
std::string restoreMagics(std::string_view original, std::string_view neutralised);

/// One code cell's place in the program.
struct CellSpan {
  uint32_t cell = 0;    ///< the caller's index of the cell (e.g. in the notebook's cell list)
  uint32_t start = 0;   ///< first byte in the program
  uint32_t length = 0;  ///< bytes of the cell's source; the separating '\n' follows
  uint32_t end() const { return start + length; }
};

/// The cells' places in the program, in order.
class CellLayout {
 public:
  /// Appends a cell's (neutralised) source and its separator to `program`.
  void append(std::string& program, uint32_t cell, std::string_view source);

  const std::vector<CellSpan>& spans() const { return spans_; }
  bool empty() const { return spans_.empty(); }

  /// Index into spans() of the cell that holds all of `range` (its end may be the cell's end);
  /// nullopt when the range crosses a cell boundary or lies on a separator.
  std::optional<size_t> spanHolding(ByteRange range) const;

  /// Zero-based line in the program on which span `index` starts.
  uint32_t firstLine(size_t index, const LineIndex& programLines) const {
    return programLines.lineColumn(spans_[index].start).line;
  }

  /// After the program's bytes in span `index` changed length by `delta` (an edit inside the
  /// cell), moves the cell's end and every later cell.
  void resize(size_t index, int64_t delta);

  /// Drops findings that do not lie in one cell, and fixes with an edit outside the finding's
  /// cell, so that no report or edit ever spans two cells.
  void confineToCells(std::vector<Finding>& findings) const;

 private:
  std::vector<CellSpan> spans_;
};

}  // namespace perfhint::notebook
