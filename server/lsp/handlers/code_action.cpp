// textDocument/codeAction: for each finding in the range, its fix (preferred when safe) and
// "Ignore CODE on this line"; for the document, source.fixAll.perfhint. When the client can
// resolve actions, the computed edits (noqa, fix-all) are left for codeAction/resolve, so the
// list stays cheap; fix edits come straight from the analysis.
#include "server/lsp/language_server.h"

#include "analysis/fix/apply_fixes.h"  // isApplicable
#include "analysis/rules/rule.h"       // RuleInfo
#include "server/lsp/action_edits.h"   // noqa and fix-all edits
#include "server/lsp/convert.h"        // ranges and edits
#include "server/lsp/worker_parser.h"  // fix-all without resolve

namespace perfhint::lsp {
namespace {

// Whether a requested `only` list admits `kind`; kinds are hierarchical ("source" admits
// "source.fixAll.perfhint").
bool admits(const std::optional<std::vector<std::string>>& only, std::string_view kind) {
  if (!only) return true;
  for (const std::string& wanted : *only) {
    if (kind == wanted || (kind.starts_with(wanted) && kind[wanted.size()] == '.')) return true;
  }
  return false;
}

}  // namespace

void LanguageServer::codeAction(protocol::CodeActionParams params, Reply reply) {
  auto document = findDocument(params.textDocument.uri, "codeAction");
  if (!document) {
    reply.result(nlohmann::json::array());
    return;
  }
  runOnCurrentDocument(
      document, std::move(reply),
      [this, params = std::move(params)](OpenDocument& open, Reply answer) {
        ensureAnalysis(open, false);
        const Document& text = *open.document;
        const DocumentAnalysis& analysis = *open.analysis;
        const config::FileSettings& current = *analysis.settings;
        const std::string& uri = params.textDocument.uri;
        // A notebook cell: its lines are the program's from the cell's first; its actions touch
        // the cell only, and fix-all (which would span cells) is not offered.
        std::optional<CellView> cell;
        int64_t shift = 0;
        if (open.notebook) {
          cell = open.notebook->view(uri, text);
          if (!cell) {
            answer.result(nlohmann::json::array());
            return;
          }
          shift = cell->firstLine;
        }
        auto toCell = [&](std::vector<protocol::TextEdit> edits) {
          for (protocol::TextEdit& edit : edits) edit.range = shiftRange(edit.range, -shift);
          return edits;
        };
        ByteRange requested = toByteRange(text, shiftRange(params.range, shift), encoding_);
        const auto& only = params.context.only;

        std::vector<protocol::CodeAction> actions;
        bool anyFixable = false;
        for (size_t i = 0; i < analysis.findings.size(); ++i) {
          const Finding& finding = analysis.findings[i];
          if (cell && analysis.findingCells[i] != cell->cell) continue;
          anyFixable = anyFixable || isApplicable(finding, current.unsafeFixes);
          if (finding.range.start > requested.end || requested.start > finding.range.end) continue;
          if (!admits(only, "quickfix")) continue;
          const protocol::Diagnostic& diagnostic = analysis.diagnostics[i];
          std::string code(finding.rule->code);
          if (finding.fix) {
            protocol::CodeAction fix;
            bool safe = finding.fix->safety == FixSafety::Safe;
            fix.title = finding.fix->title + " (" + code + (safe ? ")" : ", unsafe)");
            fix.kind = "quickfix";
            fix.diagnostics = {diagnostic};
            fix.isPreferred = safe;
            fix.edit = protocol::WorkspaceEdit{
                {{uri, toCell(toTextEdits(text, *finding.fix, encoding_))}}};
            actions.push_back(std::move(fix));
          }
          protocol::CodeAction ignore;
          ignore.title = "Ignore " + code + " on this line";
          ignore.kind = "quickfix";
          ignore.diagnostics = {diagnostic};
          uint32_t line = text.lines().lineColumn(finding.range.start).line;
          if (clientResolvesCodeActions_ && !cell) {
            ignore.data = {{"action", "noqa"},
                           {"uri", uri},
                           {"version", open.version},
                           {"line", line},
                           {"code", code}};
          } else if (auto edit = noqaEdit(text, line, code, encoding_)) {
            ignore.edit = protocol::WorkspaceEdit{{{uri, toCell({*edit})}}};
          } else {
            continue;
          }
          actions.push_back(std::move(ignore));
        }

        if (anyFixable && !cell && admits(only, "source.fixAll.perfhint")) {
          protocol::CodeAction fixAll;
          fixAll.title = "perfhint: Fix all";
          fixAll.kind = "source.fixAll.perfhint";
          if (clientResolvesCodeActions_) {
            fixAll.data = {{"action", "fixAll"}, {"uri", uri}, {"version", open.version}};
            actions.push_back(std::move(fixAll));
          } else if (auto edit = fixAllEdit(text, current.selection, current.unsafeFixes,
                                            workerParser(), encoding_, current.analysis)) {
            fixAll.edit = protocol::WorkspaceEdit{{{uri, {*edit}}}};
            actions.push_back(std::move(fixAll));
          }
        }
        answer.result(actions);
      });
}

}  // namespace perfhint::lsp
