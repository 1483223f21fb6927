// A notebook the client has open (LSP 3.17 notebook sync): its cells in order, and the program
// the Python code cells form together (analysis/notebook/cell_layout.h). The program lives in
// the OpenDocument's Document, so a notebook is debounced, analysed and cancelled like any other
// document; this state says which bytes of it belong to which cell.
#pragma once

#include "analysis/notebook/cell_layout.h"  // cells of the program
#include "analysis/syntax/document.h"       // the program
#include "protocol/lsp_types.h"             // notebook params, diagnostics
#include "protocol/position_encoding.h"     // cell positions

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint::lsp {

struct NotebookCellState {
  std::string uri;
  bool analysed = false;  ///< a code cell whose text document is Python: part of the program
  int version = 0;
  std::string source;  ///< as the client has it (IPython magics left as they are)
};

/// A cell as a request sees it: program lines from `firstLine` are the cell's lines from 0.
struct CellView {
  size_t cell = 0;  ///< index in NotebookState::cells
  size_t span = 0;  ///< index in the layout
  uint32_t firstLine = 0;
};

/// Thread-safety: touched only on the notebook's strand, like the rest of its OpenDocument.
class NotebookState {
 public:
  /// The cells of a newly opened notebook, with the text of those the client sent.
  NotebookState(const std::vector<protocol::NotebookCell>& cells,
                const std::vector<protocol::TextDocumentItem>& texts);

  const std::vector<NotebookCellState>& cells() const { return cells_; }
  const notebook::CellLayout& layout() const { return layout_; }

  /// Joins the analysed cells (magics neutralised) into the program and lays them out.
  std::string buildProgram();

  /// Applies a cells.structure change: the array splice, then the texts of opened cells. A cell
  /// moved (removed and inserted again) keeps its text. The program must be rebuilt after.
  void applyStructure(const protocol::NotebookCellStructureChange& structure);

  /// Applies one content change to the cell `uri`; with `program` (the document built by
  /// buildProgram) an analysed cell's edit is applied to it incrementally at the cell's offset,
  /// keeping magics neutralised. Returns false when no such cell is known.
  bool applyTextChange(std::string_view uri, int version,
                       const protocol::TextDocumentContentChangeEvent& change,
                       protocol::PositionEncoding encoding, Document* program);

  /// The view of cell `uri` if it is part of the program.
  std::optional<CellView> view(std::string_view uri, const Document& program) const;

  /// Cell URIs whose diagnostics were last published, so removed cells can be cleared.
  std::vector<std::string> publishedCells;

 private:
  std::optional<size_t> cellIndex(std::string_view uri) const;
  std::optional<size_t> spanOfCell(size_t cell) const;

  std::vector<NotebookCellState> cells_;
  notebook::CellLayout layout_;
};

/// Moves a diagnostic (its range and the fix edits in its data) up by `lines` lines: from the
/// program's coordinates into its cell's.
void shiftDiagnostic(protocol::Diagnostic& diagnostic, uint32_t lines);

/// Moves a range by `lines` lines (negative: up).
protocol::Range shiftRange(protocol::Range range, int64_t lines);

}  // namespace perfhint::lsp
