// shutdown / exit: stop serving; the exit status tells whether the client shut us down first.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::shutdown(nlohmann::json, Reply reply) {
  shutdownRequested_ = true;
  lifecycle_ = Lifecycle::ShutDown;
  reply.result(nullptr);
}

void LanguageServer::exit(nlohmann::json) {
  stop(shutdownRequested_ ? 0 : 1);
}

}  // namespace perfhint::lsp
