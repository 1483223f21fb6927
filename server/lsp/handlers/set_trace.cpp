// $/setTrace: how much the server reports through $/logTrace.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::setTrace(protocol::SetTraceParams params) {
  traceLevel_ = params.value;
}

}  // namespace perfhint::lsp
