// The server's edge between analysis (byte offsets, findings) and LSP (positions in the
// negotiated encoding, diagnostics, text edits). Nothing else converts.
#pragma once

#include "analysis/engine/finding.h"     // findings
#include "analysis/syntax/document.h"    // text and lines
#include "protocol/lsp_types.h"          // LSP shapes
#include "protocol/position_encoding.h"  // column units
#include "server/lsp/server_settings.h"  // severity overrides

#include <optional>
#include <string>
#include <vector>

namespace perfhint::lsp {

protocol::Position toPosition(const Document& document, uint32_t offset,
                              protocol::PositionEncoding encoding);
/// Byte offset of an LSP position. A line past the end gives the end of the text; a character
/// past the end of its line gives the end of that line (before its terminator), as the spec asks.
uint32_t toOffset(const Document& document, protocol::Position position,
                  protocol::PositionEncoding encoding);
protocol::Range toRange(const Document& document, ByteRange range,
                        protocol::PositionEncoding encoding);
/// A byte range from an LSP range; reversed ends are swapped.
ByteRange toByteRange(const Document& document, const protocol::Range& range,
                      protocol::PositionEncoding encoding);

std::vector<protocol::TextEdit> toTextEdits(const Document& document, const Fix& fix,
                                            protocol::PositionEncoding encoding);

/// The diagnostic for a finding. `data` carries the document version and the fix's edits, so a
/// code action can offer the fix without analysing again. `docsBase` is the URI of the rules
/// documentation (empty: no codeDescription).
protocol::Diagnostic toDiagnostic(const Document& document, const Finding& finding, int version,
                                  const ServerSettings& settings,
                                  protocol::PositionEncoding encoding, const std::string& docsBase);

/// The smallest single edit that turns `before` into `after` (common prefix and suffix kept).
protocol::TextEdit wholeDocumentEdit(const Document& document, const std::string& after,
                                     protocol::PositionEncoding encoding);

}  // namespace perfhint::lsp
