#include "server/cli/notebook_check.h"

#include "analysis/engine/analyzer.h"  // analyze
#include "analysis/fix/apply_fixes.h"  // applyFixesThatParse

#include <nlohmann/json.hpp>  // escaping, for columns in the file

#include <algorithm>  // any_of, count_if
#include <variant>

namespace perfhint::cli {
namespace {

// As many rounds as fixUntilStable allows, so a rule that re-flags its own output stops.
constexpr int kMaxFixRounds = 10;

// The finding with its ranges moved by -`shift` bytes (from the program into one cell).
Finding shifted(const Finding& finding, uint32_t shift) {
  Finding local = finding;
  local.range = {finding.range.start - shift, finding.range.end - shift};
  for (FixEdit& edit : local.fix->edits) {
    edit.range = {edit.range.start - shift, edit.range.end - shift};
  }
  return local;
}

}  // namespace

void checkNotebook(std::string text, bool fix, const FileSettings& settings, TSParser& parser,
                   FileResult& result) {
  auto parsed = parseNotebook(std::move(text));
  if (auto* error = std::get_if<std::string>(&parsed)) {
    result.error = std::move(*error);
    return;
  }
  const NotebookFile& file = std::get<NotebookFile>(parsed);
  NotebookResult& notebook = result.notebook.emplace();
  notebook.originalFile = file.text;
  notebook.fixedFile = file.text;
  if (!file.isPython) return;

  std::vector<std::string> cells;  // neutralised, as analysed and fixed
  for (const NotebookCodeCell& cell : file.codeCells) {
    notebook.originalCells.push_back(cell.source);
    cells.push_back(notebook::neutralisedMagics(cell.source));
  }

  for (int round = 0;; ++round) {
    notebook::CellLayout layout;
    std::string program;
    for (size_t i = 0; i < cells.size(); ++i)
      layout.append(program, file.codeCells[i].index, cells[i]);
    Document document(program, parser);
    std::vector<Finding> findings = analyze(document, settings.selection, settings.analysis);
    layout.confineToCells(findings);
    if (round == 0) result.originalText = program;

    size_t applied = 0;
    bool anyApplicable =
        fix && std::any_of(findings.begin(), findings.end(),
                           [&](const Finding& f) { return isApplicable(f, settings.unsafeFixes); });
    if (anyApplicable && round < kMaxFixRounds) {
      // Each cell is fixed on its own text (a fix never leaves its cell), and each result must
      // still parse, as a cell runs on its own in the kernel.
      for (size_t i = 0; i < layout.spans().size(); ++i) {
        std::vector<Finding> local;
        for (const Finding& finding : findings) {
          if (isApplicable(finding, settings.unsafeFixes) &&
              layout.spanHolding(finding.range) == i) {
            local.push_back(shifted(finding, layout.spans()[i].start));
          }
        }
        if (!local.empty()) {
          applied += applyFixesThatParse(cells[i], local, settings.unsafeFixes, parser).applied;
        }
      }
    }
    result.fixesApplied += applied;
    if (applied == 0) {
      result.text = std::move(program);
      result.findings = std::move(findings);
      notebook.layout = std::move(layout);
      break;
    }
  }

  std::vector<std::optional<std::string>> newSources(cells.size());
  bool anyChanged = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string& original = notebook.originalCells[i];
    std::string fixed = cells[i] == notebook::neutralisedMagics(original)
                            ? original
                            : notebook::restoreMagics(original, cells[i]);
    if (fixed != original) {
      newSources[i] = fixed;
      anyChanged = true;
    }
    notebook.fixedCells.push_back(std::move(fixed));
  }
  if (anyChanged) notebook.fixedFile = rewriteNotebook(file, newSources);

  // Positions in the file as written: read again when fixes changed it.
  auto reread = anyChanged ? parseNotebook(notebook.fixedFile) : std::move(parsed);
  const auto* written = std::get_if<NotebookFile>(&reread);
  if (!written) return;  // cannot happen: the rewrite only replaces string values
  LineIndex fileLines(written->text);
  for (const NotebookCodeCell& cell : written->codeCells) {
    notebook.sourceValueStarts.push_back(fileLines.lineColumn(cell.sourceValue.start));
    std::vector<LineColumn>& starts = notebook.fileLineStarts.emplace_back();
    for (uint32_t start : cell.lineStarts) starts.push_back(fileLines.lineColumn(start));
  }
}

DisplayPosition notebookFilePosition(const FileResult& file, uint32_t offset, ColumnUnit unit) {
  const NotebookResult& notebook = *file.notebook;
  DisplayPosition inCell = displayPosition(file, offset, unit);
  std::optional<size_t> span = notebook.layout.spanHolding({offset, offset});
  if (!span || *span >= notebook.fileLineStarts.size()) return {inCell.line, 0, inCell.cell};
  const std::vector<LineColumn>& starts = notebook.fileLineStarts[*span];
  if (inCell.line > starts.size()) {
    return {notebook.sourceValueStarts[*span].line + 1, 0, inCell.cell};
  }
  LineColumn quote = starts[inCell.line - 1];
  // The column inside the JSON string: the source text before the offset, as it is escaped.
  LineColumn at = file.lines.lineColumn(offset);
  std::string_view before = file.lines.lineText(file.text, at.line).substr(0, at.column);
  std::string escaped = nlohmann::json(std::string(before))
                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string_view inside = std::string_view(escaped).substr(1, escaped.size() - 2);
  uint32_t column = countCodePoints(inside);
  if (unit == ColumnUnit::Utf16CodeUnits) {
    column += static_cast<uint32_t>(std::count_if(inside.begin(), inside.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0xF0;
    }));
  }
  return {quote.line + 1, quote.column + 2 + column, inCell.cell};
}

}  // namespace perfhint::cli
