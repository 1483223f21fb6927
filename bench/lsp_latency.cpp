// perfhint-lsp-bench: the language server as an editor sees it. Starts `perfhint server` over
// pipes, opens a large file (default /usr/lib/python3.11/typing.py), and prints the time to the
// first diagnostics, the keystroke latency (didChange -> publishDiagnostics of that version,
// debounceMs 0) over single-character edits, hover and code action latency, and memory.
//
// Usage: perfhint-lsp-bench [--perfhint PATH] [--edits N] [FILE]
#include "protocol/framing.h"  // Content-Length framing
#include "protocol/uri.h"      // file URIs

#include <nlohmann/json.hpp>  // messages

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A client of one server process over its stdin and stdout.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& binary) {
    int toServer[2], fromServer[2];
    if (pipe(toServer) != 0 || pipe(fromServer) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toServer[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fromServer[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, toServer[1]);
    posix_spawn_file_actions_addclose(&actions, fromServer[0]);
    std::vector<char*> argv = {const_cast<char*>(binary.c_str()), const_cast<char*>("server"),
                               nullptr};
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start " + binary);
    }
    posix_spawn_file_actions_destroy(&actions);
    close(toServer[0]);
    close(fromServer[1]);
    input_ = toServer[1];
    output_ = fromServer[0];
  }
  ~ServerProcess() {
    close(input_);
    close(output_);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

  void send(const json& message) {
    std::string frame = perfhint::protocol::encodeFrame(message.dump());
    for (size_t written = 0; written < frame.size();) {
      ssize_t n = write(input_, frame.data() + written, frame.size() - written);
      if (n <= 0) throw std::runtime_error("the server stopped reading");
      written += static_cast<size_t>(n);
    }
  }

  /// The next message, waiting at most 30 s.
  json receive() {
    while (true) {
      if (auto event = reader_.next()) {
        if (auto* message = std::get_if<perfhint::protocol::FrameMessage>(&*event))
          return json::parse(message->body);
        throw std::runtime_error("framing error from the server");
      }
      pollfd descriptor{output_, POLLIN, 0};
      if (poll(&descriptor, 1, 30000) <= 0)
        throw std::runtime_error("timed out waiting for the server");
      char buffer[65536];
      ssize_t n = read(output_, buffer, sizeof buffer);
      if (n <= 0) throw std::runtime_error("the server closed its output");
      reader_.append(std::string_view(buffer, static_cast<size_t>(n)));
    }
  }

  /// Receives until `accept` says yes; returns that message.
  template <typename Accept>
  json receiveUntil(Accept&& accept) {
    while (true) {
      json message = receive();
      if (accept(message)) return message;
    }
  }

  /// Resident memory of the server process, in MiB ("VmRSS" now or "VmHWM" at peak).
  double memoryMiB(const char* field) const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.starts_with(field)) return std::stod(line.substr(std::strlen(field) + 1)) / 1024.0;
    }
    return 0;
  }

 private:
  pid_t pid_ = 0;
  int input_ = -1;
  int output_ = -1;
  perfhint::protocol::FrameReader reader_;
};

struct Percentiles {
  double p50, p90, p99, max;
};

Percentiles percentilesOf(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) {
    return samples[std::min(samples.size() - 1,
                            static_cast<size_t>(q * static_cast<double>(samples.size())))];
  };
  return {at(0.50), at(0.90), at(0.99), samples.back()};
}

void printRow(const char* name, const Percentiles& p, size_t count) {
  std::printf("%-28s %8.2f %8.2f %8.2f %8.2f   (%zu samples)\n", name, p.p50, p.p90, p.p99, p.max,
              count);
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = "./perfhint";
  std::string path = "/usr/lib/python3.11/typing.py";
  int edits = 500;
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    if (argument == "--perfhint" && i + 1 < argc)
      binary = argv[++i];
    else if (argument == "--edits" && i + 1 < argc)
      edits = std::stoi(argv[++i]);
    else
      path = argument;
  }
  if (binary.find('/') == std::string::npos) binary = "./" + binary;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "perfhint-lsp-bench: cannot read %s\n", path.c_str());
    return 2;
  }
  std::ostringstream content;
  content << file.rdbuf();
  std::string text = content.str();
  std::string uri = perfhint::protocol::pathToFileUri(path).value_or("file:///bench.py");
  size_t lineCount = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));

  signal(SIGPIPE, SIG_IGN);
  ServerProcess server(binary);
  int nextId = 1;
  auto requestAndWait = [&](const char* method, json params) {
    int id = nextId++;
    auto start = Clock::now();
    server.send(
        {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    server.receiveUntil(
        [&](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
    return millisecondsSince(start);
  };
  auto isPublishOf = [&](int version) {
    return [&, version](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"].value("version", -1) == version;
    };
  };

  requestAndWait("initialize", {{"capabilities", json::object()},
                                {"initializationOptions", {{"debounceMs", 0}}}});
  server.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  double idleMiB = server.memoryMiB("VmRSS");

  auto openStart = Clock::now();
  server.send({{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", text}}}}}});
  json first = server.receiveUntil(isPublishOf(1));
  double firstDiagnostics = millisecondsSince(openStart);
  size_t findings = first["params"]["diagnostics"].size();

  // Keystrokes: type characters into an identifier in the middle of the file, one per change,
  // then delete them again, so the text stays valid Python and the tree shape stays the same.
  size_t anchor = text.find("def ", text.size() / 2);
  if (anchor == std::string::npos) anchor = text.size() / 2;
  anchor += 4;  // inside the function name
  uint32_t line = static_cast<uint32_t>(
      std::count(text.begin(), text.begin() + static_cast<long>(anchor), '\n'));
  uint32_t column = static_cast<uint32_t>(anchor - (text.rfind('\n', anchor - 1) + 1));
  std::vector<double> keystrokes;
  int version = 1;
  for (int i = 0; i < edits; ++i) {
    bool typing = i < edits / 2;
    uint32_t at = column + static_cast<uint32_t>(typing ? i : edits - i - 1);
    json range = {{"start", {{"line", line}, {"character", at}}},
                  {"end", {{"line", line}, {"character", typing ? at : at + 1}}}};
    ++version;
    auto start = Clock::now();
    json change = {{"range", range}, {"text", typing ? "x" : ""}};
    json params = {{"textDocument", {{"uri", uri}, {"version", version}}},
                   {"contentChanges", json::array({change})}};
    server.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", params}});
    server.receiveUntil(isPublishOf(version));
    keystrokes.push_back(millisecondsSince(start));
  }

  // Hover and code actions on the findings (or the file's start when there are none).
  std::vector<double> hovers, actions;
  json diagnostics = first["params"]["diagnostics"];
  for (int i = 0; i < 100; ++i) {
    json position =
        diagnostics.empty()
            ? json{{"line", 0}, {"character", 0}}
            : diagnostics[static_cast<size_t>(i) % diagnostics.size()]["range"]["start"];
    hovers.push_back(requestAndWait("textDocument/hover",
                                    {{"textDocument", {{"uri", uri}}}, {"position", position}}));
    actions.push_back(requestAndWait("textDocument/codeAction",
                                     {{"textDocument", {{"uri", uri}}},
                                      {"range", {{"start", position}, {"end", position}}},
                                      {"context", {{"diagnostics", json::array()}}}}));
  }
  double openMiB = server.memoryMiB("VmRSS");
  double peakMiB = server.memoryMiB("VmHWM");

  requestAndWait("shutdown", nullptr);
  server.send({{"jsonrpc", "2.0"}, {"method", "exit"}});

  std::printf("perfhint-lsp-bench: %s (%zu lines, %zu findings), debounceMs 0\n\n", path.c_str(),
              lineCount, findings);
  std::printf("first diagnostics after didOpen: %.2f ms\n\n", firstDiagnostics);
  std::printf("%-28s %8s %8s %8s %8s\n", "milliseconds", "p50", "p90", "p99", "max");
  printRow("keystroke -> diagnostics", percentilesOf(keystrokes), keystrokes.size());
  printRow("hover", percentilesOf(hovers), hovers.size());
  printRow("code action", percentilesOf(actions), actions.size());
  std::printf(
      "\nmemory: %.1f MiB idle after initialize, %.1f MiB with the file open, %.1f MiB peak\n",
      idleMiB, openMiB, peakMiB);
  return 0;
}
