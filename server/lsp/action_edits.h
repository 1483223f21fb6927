// Edits behind code actions that are computed on demand: fix-all and "ignore on this line".
#pragma once

#include "analysis/engine/analysis_options.h"  // target version for fixes
#include "analysis/rules/rule_selection.h"     // which rules fix-all applies
#include "analysis/syntax/document.h"          // the text
#include "protocol/lsp_types.h"                // TextEdit
#include "protocol/position_encoding.h"

#include <optional>
#include <string_view>

namespace perfhint::lsp {

/// One edit applying every applicable fix (safe ones; unsafe too when `includeUnsafe`), or
/// nullopt when nothing changes.
std::optional<protocol::TextEdit> fixAllEdit(const Document& document,
                                             const RuleSelection& selection, bool includeUnsafe,
                                             TSParser& parser, protocol::PositionEncoding encoding,
                                             const AnalysisOptions& options = {});

/// Adds `code` to the `# noqa` comment of a line, or appends `  # noqa: CODE`. nullopt when the
/// line is already suppressed for it, or when a comment cannot end the line (the line ends
/// inside a string or with a backslash continuation).
std::optional<protocol::TextEdit> noqaEdit(const Document& document, uint32_t line,
                                           std::string_view code,
                                           protocol::PositionEncoding encoding);

}  // namespace perfhint::lsp
