// textDocument/inlayHint: with line_profiler data, the share of its function's time each hot
// line took ("12% time", for lines with at least 1%), at the end of the line.
#include "server/lsp/language_server.h"

#include "server/lsp/convert.h"        // positions
#include "server/lsp/profile_hints.h"  // hot lines

namespace perfhint::lsp {

void LanguageServer::inlayHint(nlohmann::json params, Reply reply) {
  std::string uri;
  protocol::Range range;
  try {
    uri = params.at("textDocument").at("uri").get<std::string>();
    range = params.at("range").get<protocol::Range>();
  } catch (const nlohmann::json::exception& error) {
    reply.error(protocol::ErrorCode::InvalidParams,
                std::string("invalid params for textDocument/inlayHint: ") + error.what());
    return;
  }
  auto document = findDocument(uri, "inlayHint");
  if (!document) {
    reply.result(nlohmann::json::array());
    return;
  }
  runOnCurrentDocument(document, std::move(reply), [this, range](OpenDocument& open, Reply answer) {
    ensureAnalysis(open, false);
    const DocumentAnalysis& analysis = *open.analysis;
    nlohmann::json hints = nlohmann::json::array();
    if (!analysis.profile || analysis.profilePath.empty() ||
        analysis.profile->index.profile().format != profile::ProfileFormat::LineProfiler) {
      answer.result(std::move(hints));
      return;
    }
    const profile::ProfileIndex& index = analysis.profile->index;
    const Document& text = *open.document;
    const LineIndex& lines = text.lines();
    for (size_t i = 0; i < analysis.functions.size(); ++i) {
      std::optional<size_t> measured = index.find(analysis.profilePath, analysis.functions, i);
      if (!measured) continue;
      const profile::ProfiledFunction& function = index.profile().functions[*measured];
      // Matched by name in an edited file: its lines moved with its first line.
      int64_t shift = 0;
      const profile::PythonFunction& source = analysis.functions[i];
      if (function.key.firstLine && function.key.firstLine != source.firstLine &&
          function.key.firstLine != source.defLine) {
        shift = int64_t{source.firstLine} - int64_t{function.key.firstLine};
      }
      for (const HotLine& hot : hotLines(function)) {
        int64_t line = int64_t{hot.line} - 1 + shift;
        if (line < 0 || line >= int64_t{lines.lineCount()} || line < int64_t{range.start.line} ||
            line > int64_t{range.end.line}) {
          continue;
        }
        auto lineNumber = static_cast<uint32_t>(line);
        auto end = static_cast<uint32_t>(lines.lineStart(lineNumber) +
                                         lines.lineText(text.text(), lineNumber).size());
        hints.push_back({{"position", toPosition(text, end, encoding_)},
                         {"label", hotLineLabel(hot)},
                         {"paddingLeft", true}});
      }
    }
    answer.result(std::move(hints));
  });
}

}  // namespace perfhint::lsp
