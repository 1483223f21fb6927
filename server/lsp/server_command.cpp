#include "server/lsp/server_command.h"

#include "server/lsp/connection.h"       // stdio or TCP
#include "server/lsp/language_server.h"  // the server

#include <boost/asio/io_context.hpp>
#include <boost/system/system_error.hpp>

#include <csignal>  // SIGPIPE
#include <cstdio>

namespace perfhint::lsp {

CLI::App* addServerCommand(CLI::App& app, ServerArguments& arguments) {
  CLI::App* server = app.add_subcommand("server", "Run the language server");
  server->add_flag("--stdio", arguments.stdio, "Talk over stdin and stdout (the default)");
  server->add_option("--port", arguments.port, "Listen on 127.0.0.1:PORT for one client instead")
      ->check(CLI::Range(1, 65535));
  server->add_option("--log-file", arguments.logFile, "Append log messages to this file");
  server->add_option("--threads", arguments.threads,
                     "Analysis worker threads (default: one per core)");
  return server;
}

int runServerCommand(const ServerArguments& arguments) {
  // A client that closes its end must not kill us mid-write: the write fails and we stop.
  std::signal(SIGPIPE, SIG_IGN);
  boost::asio::io_context io(1);
  std::shared_ptr<Connection> connection;
  try {
    connection = arguments.port ? makeTcpConnection(io, static_cast<unsigned short>(arguments.port))
                                : makeStdioConnection(io);
  } catch (const boost::system::system_error& error) {
    std::fprintf(stderr, "perfhint: cannot start the server: %s\n", error.what());
    return 2;
  }
  LanguageServer server(io, connection, {arguments.threads, arguments.logFile});
  server.start();
  io.run();
  return server.exitStatus();
}

}  // namespace perfhint::lsp
