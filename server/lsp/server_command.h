// `perfhint server`: the language server over stdio (default) or a loopback TCP port.
#pragma once

#include <CLI/CLI.hpp>  // subcommand registration

#include <string>

namespace perfhint::lsp {

struct ServerArguments {
  bool stdio = false;  ///< accepted for clients that pass --stdio; stdio is the default anyway
  unsigned port = 0;   ///< listen on 127.0.0.1:port instead of stdio
  std::string logFile;
  unsigned threads = 0;
};

CLI::App* addServerCommand(CLI::App& app, ServerArguments& arguments);

/// Serves one client until it sends `exit` or goes away; returns the exit status.
int runServerCommand(const ServerArguments& arguments);

}  // namespace perfhint::lsp
