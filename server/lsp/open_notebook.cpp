#include "server/lsp/open_notebook.h"

#include <algorithm>  // min, mismatch
#include <map>

namespace perfhint::lsp {
namespace {

bool isPythonCode(protocol::NotebookCellKind kind, std::string_view languageId) {
  return kind == protocol::NotebookCellKind::Code && languageId == "python";
}

// Byte offset in `text` of an LSP position, clamped as toOffset clamps (convert.h).
uint32_t offsetIn(std::string_view text, protocol::Position position,
                  protocol::PositionEncoding encoding) {
  LineIndex lines(text);
  if (position.line >= lines.lineCount()) return static_cast<uint32_t>(text.size());
  std::string_view line = lines.lineText(text, position.line);
  return lines.lineStart(position.line) + protocol::byteColumn(line, position.character, encoding);
}

void shiftPosition(nlohmann::json& position, uint32_t lines) {
  position["line"] = position["line"].get<uint32_t>() - lines;
}

}  // namespace

NotebookState::NotebookState(const std::vector<protocol::NotebookCell>& cells,
                             const std::vector<protocol::TextDocumentItem>& texts) {
  for (const protocol::NotebookCell& cell : cells) {
    NotebookCellState state;
    state.uri = cell.document;
    for (const protocol::TextDocumentItem& text : texts) {
      if (text.uri != cell.document) continue;
      state.analysed = isPythonCode(cell.kind, text.languageId);
      state.version = text.version;
      state.source = text.text;
    }
    cells_.push_back(std::move(state));
  }
}

std::string NotebookState::buildProgram() {
  layout_ = {};
  std::string program;
  for (size_t i = 0; i < cells_.size(); ++i) {
    if (cells_[i].analysed) {
      layout_.append(program, static_cast<uint32_t>(i),
                     notebook::neutralisedMagics(cells_[i].source));
    }
  }
  return program;
}

void NotebookState::applyStructure(const protocol::NotebookCellStructureChange& structure) {
  const protocol::NotebookCellArrayChange& array = structure.array;
  size_t start = std::min<size_t>(array.start, cells_.size());
  size_t end = std::min<size_t>(start + array.deleteCount, cells_.size());
  std::map<std::string, NotebookCellState> removed;
  for (size_t i = start; i < end; ++i) removed.emplace(cells_[i].uri, std::move(cells_[i]));
  cells_.erase(cells_.begin() + static_cast<ptrdiff_t>(start),
               cells_.begin() + static_cast<ptrdiff_t>(end));
  std::vector<NotebookCellState> inserted;
  for (const protocol::NotebookCell& cell : array.cells) {
    auto moved = removed.find(cell.document);
    NotebookCellState state;
    if (moved != removed.end()) state = std::move(moved->second);
    state.uri = cell.document;
    for (const protocol::TextDocumentItem& text : structure.didOpen) {
      if (text.uri != cell.document) continue;
      state.analysed = isPythonCode(cell.kind, text.languageId);
      state.version = text.version;
      state.source = text.text;
    }
    inserted.push_back(std::move(state));
  }
  cells_.insert(cells_.begin() + static_cast<ptrdiff_t>(start),
                std::make_move_iterator(inserted.begin()), std::make_move_iterator(inserted.end()));
}

bool NotebookState::applyTextChange(std::string_view uri, int version,
                                    const protocol::TextDocumentContentChangeEvent& change,
                                    protocol::PositionEncoding encoding, Document* program) {
  std::optional<size_t> index = cellIndex(uri);
  if (!index) return false;
  NotebookCellState& cell = cells_[*index];
  cell.version = version;
  uint32_t start = 0, end = static_cast<uint32_t>(cell.source.size());
  if (change.range) {
    start = offsetIn(cell.source, change.range->start, encoding);
    end = offsetIn(cell.source, change.range->end, encoding);
    if (start > end) std::swap(start, end);
  }
  cell.source.replace(start, end - start, change.text);

  std::optional<size_t> span = spanOfCell(*index);
  if (!program || !span) return true;
  uint32_t cellStart = layout_.spans()[*span].start;
  program->editText({cellStart + start, cellStart + end}, change.text);
  layout_.resize(*span, static_cast<int64_t>(change.text.size()) - (end - start));

  // The edit may have made or unmade a magic line (or a cell magic): bring the program's bytes
  // of this cell to the neutralised source with one more edit over the bytes that differ.
  std::string neutral = notebook::neutralisedMagics(cell.source);
  std::string_view current = std::string_view(program->text()).substr(cellStart, neutral.size());
  auto first = std::mismatch(neutral.begin(), neutral.end(), current.begin()).first;
  if (first == neutral.end()) return true;
  size_t from = static_cast<size_t>(first - neutral.begin());
  size_t to = neutral.size();
  while (to > from && neutral[to - 1] == current[to - 1]) --to;
  program->editText(
      {static_cast<uint32_t>(cellStart + from), static_cast<uint32_t>(cellStart + to)},
      std::string_view(neutral).substr(from, to - from));
  return true;
}

std::optional<CellView> NotebookState::view(std::string_view uri, const Document& program) const {
  std::optional<size_t> index = cellIndex(uri);
  if (!index) return std::nullopt;
  std::optional<size_t> span = spanOfCell(*index);
  if (!span) return std::nullopt;
  return CellView{*index, *span, layout_.firstLine(*span, program.lines())};
}

std::optional<size_t> NotebookState::cellIndex(std::string_view uri) const {
  for (size_t i = 0; i < cells_.size(); ++i) {
    if (cells_[i].uri == uri) return i;
  }
  return std::nullopt;
}

std::optional<size_t> NotebookState::spanOfCell(size_t cell) const {
  const auto& spans = layout_.spans();
  for (size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].cell == cell) return i;
  }
  return std::nullopt;
}

void shiftDiagnostic(protocol::Diagnostic& diagnostic, uint32_t lines) {
  diagnostic.range = shiftRange(diagnostic.range, -static_cast<int64_t>(lines));
  nlohmann::json& data = diagnostic.data;
  if (!data.is_object() || !data.contains("fix")) return;
  for (nlohmann::json& edit : data["fix"]["edits"]) {
    shiftPosition(edit["range"]["start"], lines);
    shiftPosition(edit["range"]["end"], lines);
  }
}

protocol::Range shiftRange(protocol::Range range, int64_t lines) {
  range.start.line = static_cast<uint32_t>(range.start.line + lines);
  range.end.line = static_cast<uint32_t>(range.end.line + lines);
  return range;
}

}  // namespace perfhint::lsp
