#include "protocol/lsp_types.h"

#include <cstdint>           // INT32_MIN, INT32_MAX, UINT32_MAX
#include <initializer_list>  // capability paths

namespace perfhint::protocol {

namespace {

/// nlohmann's exception ids are 1xx-5xx; this one marks ours.
constexpr int kSchemaErrorId = 600;

[[noreturn]] void fail(std::string reason) {
  throw SchemaError("", std::move(reason));
}

/// Throws `error` again with `member` (a key or "[i]") in front of its path.
[[noreturn]] void rethrowInside(std::string member, const SchemaError& error) {
  if (!error.path().empty()) {
    if (error.path().front() != '[') member += '.';
    member += error.path();
  }
  throw SchemaError(std::move(member), error.reason());
}

/// Runs `read`, locating a SchemaError it throws inside `member`.
template <class Read>
void within(std::string_view member, Read&& read) {
  try {
    read();
  } catch (const SchemaError& error) {
    rethrowInside(std::string(member), error);
  }
}

/// A member kept as raw JSON (LSPAny); null when absent.
json memberOrNull(const json& object, const char* key) {
  auto found = object.find(key);
  return found == object.end() ? json() : *found;
}

/// "[i]", built by appending (GCC 12 warns falsely about `"[" + std::to_string(i) + "]"`).
std::string indexPath(size_t index) {
  std::string path = "[";
  path += std::to_string(index);
  path += ']';
  return path;
}

void expectObject(const json& j) {
  if (!j.is_object()) fail("expected an object");
}

// readValue: one JSON value into one C++ value, checking its type strictly.

void readValue(const json& j, std::string& out) {
  if (!j.is_string()) fail("expected a string");
  out = j.get<std::string>();
}

void readValue(const json& j, bool& out) {
  if (!j.is_boolean()) fail("expected a boolean");
  out = j.get<bool>();
}

void readValue(const json& j, int32_t& out) {
  if (j.is_number_unsigned()) {
    auto number = j.get<uint64_t>();
    if (number > static_cast<uint64_t>(INT32_MAX)) fail("integer out of range");
    out = static_cast<int32_t>(number);
  } else if (j.is_number_integer()) {
    auto number = j.get<int64_t>();
    if (number < INT32_MIN || number > INT32_MAX) fail("integer out of range");
    out = static_cast<int32_t>(number);
  } else {
    fail("expected an integer");
  }
}

/// A non-negative integer; larger than UINT32_MAX is clamped (see Position).
void readValue(const json& j, uint32_t& out) {
  if (j.is_number_unsigned()) {
    auto number = j.get<uint64_t>();
    out = number > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(number);
  } else if (j.is_number_integer()) {
    fail("expected a non-negative integer");  // unsigned values are stored as such
  } else {
    fail("expected an integer");
  }
}

void readValue(const json& j, json& out) {
  out = j;
}

/// Our structs and enums, through their from_json.
template <class T>
void readValue(const json& j, T& out) {
  from_json(j, out);
}

template <class T>
void readValue(const json& j, std::vector<T>& out) {
  if (!j.is_array()) fail("expected an array");
  out.clear();
  out.reserve(j.size());
  for (size_t i = 0; i < j.size(); ++i) {
    try {
      readValue(j[i], out.emplace_back());
    } catch (const SchemaError& error) {
      rethrowInside(indexPath(i), error);
    }
  }
}

template <class T>
void readRequired(const json& object, const char* key, T& out) {
  auto found = object.find(key);
  if (found == object.end()) throw SchemaError(key, "missing");
  within(key, [&] { readValue(*found, out); });
}

/// An optional member: absent or null leave `out` reset.
template <class T>
void readOptional(const json& object, const char* key, std::optional<T>& out) {
  out.reset();
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return;
  within(key, [&] { readValue(*found, out.emplace()); });
}

/// An optional member read into a plain value, left as it is when absent or null.
template <class T>
void readIfPresent(const json& object, const char* key, T& out) {
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return;
  within(key, [&] { readValue(*found, out); });
}

template <class T>
void writeOptional(json& object, const char* key, const std::optional<T>& value) {
  if (value) object[key] = *value;
}

/// Capabilities are read leniently: the member at `path` if every step is an object member.
const json* capability(const json& root, std::initializer_list<const char*> path) {
  const json* at = &root;
  for (const char* key : path) {
    if (!at->is_object()) return nullptr;
    auto found = at->find(key);
    if (found == at->end()) return nullptr;
    at = &*found;
  }
  return at;
}

bool capabilityTrue(const json& root, std::initializer_list<const char*> path) {
  const json* value = capability(root, path);
  return value && value->is_boolean() && value->get<bool>();
}

bool capabilityPresent(const json& root, std::initializer_list<const char*> path) {
  const json* value = capability(root, path);
  return value && value->is_object();
}

std::vector<std::string> capabilityStrings(const json& root,
                                           std::initializer_list<const char*> path) {
  std::vector<std::string> strings;
  const json* value = capability(root, path);
  if (!value || !value->is_array()) return strings;
  for (const json& entry : *value) {
    if (entry.is_string()) strings.push_back(entry.get<std::string>());
  }
  return strings;
}

std::optional<MarkupKind> markupKindNamed(std::string_view name) {
  if (name == "plaintext") return MarkupKind::PlainText;
  if (name == "markdown") return MarkupKind::Markdown;
  return std::nullopt;
}

std::optional<TraceValue> traceValueNamed(std::string_view name) {
  if (name == "off") return TraceValue::Off;
  if (name == "messages") return TraceValue::Messages;
  if (name == "verbose") return TraceValue::Verbose;
  return std::nullopt;
}

}  // namespace

SchemaError::SchemaError(std::string path, std::string reason)
    : nlohmann::json::exception(kSchemaErrorId,
                                (path.empty() ? reason : path + ": " + reason).c_str()),
      path_(std::move(path)),
      reason_(std::move(reason)) {}

// ---- Basic structures --------------------------------------------------------------------------

void to_json(json& j, const Position& value) {
  j = {{"line", value.line}, {"character", value.character}};
}

void from_json(const json& j, Position& value) {
  expectObject(j);
  readRequired(j, "line", value.line);
  readRequired(j, "character", value.character);
}

void to_json(json& j, const Range& value) {
  j = {{"start", value.start}, {"end", value.end}};
}

void from_json(const json& j, Range& value) {
  expectObject(j);
  readRequired(j, "start", value.start);
  readRequired(j, "end", value.end);
}

void to_json(json& j, const Location& value) {
  j = {{"uri", value.uri}, {"range", value.range}};
}

void from_json(const json& j, Location& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  readRequired(j, "range", value.range);
}

void to_json(json& j, const TextEdit& value) {
  j = {{"range", value.range}, {"newText", value.newText}};
}

void from_json(const json& j, TextEdit& value) {
  expectObject(j);
  readRequired(j, "range", value.range);
  readRequired(j, "newText", value.newText);
}

void to_json(json& j, const TextDocumentIdentifier& value) {
  j = {{"uri", value.uri}};
}

void from_json(const json& j, TextDocumentIdentifier& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
}

void to_json(json& j, const VersionedTextDocumentIdentifier& value) {
  j = {{"uri", value.uri}, {"version", value.version}};
}

void from_json(const json& j, VersionedTextDocumentIdentifier& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  readRequired(j, "version", value.version);
}

void to_json(json& j, const OptionalVersionedTextDocumentIdentifier& value) {
  j = {{"uri", value.uri}, {"version", nullptr}};
  if (value.version) j["version"] = *value.version;
}

void from_json(const json& j, OptionalVersionedTextDocumentIdentifier& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  readOptional(j, "version", value.version);
}

void to_json(json& j, const TextDocumentItem& value) {
  j = {{"uri", value.uri},
       {"languageId", value.languageId},
       {"version", value.version},
       {"text", value.text}};
}

void from_json(const json& j, TextDocumentItem& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  readRequired(j, "languageId", value.languageId);
  readRequired(j, "version", value.version);
  readRequired(j, "text", value.text);
}

void to_json(json& j, const TextDocumentContentChangeEvent& value) {
  j = {{"text", value.text}};
  writeOptional(j, "range", value.range);
}

void from_json(const json& j, TextDocumentContentChangeEvent& value) {
  expectObject(j);
  readOptional(j, "range", value.range);
  readRequired(j, "text", value.text);
}

void to_json(json& j, const TextDocumentPositionParams& value) {
  j = {{"textDocument", value.textDocument}, {"position", value.position}};
}

void from_json(const json& j, TextDocumentPositionParams& value) {
  expectObject(j);
  readRequired(j, "textDocument", value.textDocument);
  readRequired(j, "position", value.position);
}

void to_json(json& j, MarkupKind value) {
  j = value == MarkupKind::Markdown ? "markdown" : "plaintext";
}

void from_json(const json& j, MarkupKind& value) {
  if (!j.is_string()) fail("expected a string");
  std::optional<MarkupKind> kind = markupKindNamed(j.get<std::string>());
  if (!kind) fail("expected \"plaintext\" or \"markdown\"");
  value = *kind;
}

void to_json(json& j, const MarkupContent& value) {
  j = {{"kind", value.kind}, {"value", value.value}};
}

void from_json(const json& j, MarkupContent& value) {
  expectObject(j);
  readRequired(j, "kind", value.kind);
  readRequired(j, "value", value.value);
}

// ---- Diagnostics -------------------------------------------------------------------------------

void to_json(json& j, DiagnosticSeverity value) {
  j = static_cast<int>(value);
}

void from_json(const json& j, DiagnosticSeverity& value) {
  int32_t number = 0;
  readValue(j, number);
  if (number < 1 || number > 4) fail("expected a severity from 1 to 4");
  value = static_cast<DiagnosticSeverity>(number);
}

void to_json(json& j, DiagnosticTag value) {
  j = static_cast<int>(value);
}

void from_json(const json& j, DiagnosticTag& value) {
  int32_t number = 0;
  readValue(j, number);
  value = static_cast<DiagnosticTag>(number);
}

void to_json(json& j, const CodeDescription& value) {
  j = {{"href", value.href}};
}

void from_json(const json& j, CodeDescription& value) {
  expectObject(j);
  readRequired(j, "href", value.href);
}

void to_json(json& j, const Diagnostic& value) {
  j = {{"range", value.range}, {"message", value.message}};
  writeOptional(j, "severity", value.severity);
  writeOptional(j, "code", value.code);
  writeOptional(j, "codeDescription", value.codeDescription);
  writeOptional(j, "source", value.source);
  if (!value.tags.empty()) j["tags"] = value.tags;
  if (!value.data.is_null()) j["data"] = value.data;
}

void from_json(const json& j, Diagnostic& value) {
  expectObject(j);
  readRequired(j, "range", value.range);
  readOptional(j, "severity", value.severity);
  value.code.reset();
  if (auto code = j.find("code"); code != j.end() && !code->is_null()) {
    if (code->is_number_integer()) {
      value.code = code->dump();
    } else {
      within("code", [&] { readValue(*code, value.code.emplace()); });
    }
  }
  readOptional(j, "codeDescription", value.codeDescription);
  readOptional(j, "source", value.source);
  readRequired(j, "message", value.message);
  value.tags.clear();
  readIfPresent(j, "tags", value.tags);
  value.data = memberOrNull(j, "data");
}

void to_json(json& j, const PublishDiagnosticsParams& value) {
  j = {{"uri", value.uri}, {"diagnostics", value.diagnostics}};
  writeOptional(j, "version", value.version);
}

void from_json(const json& j, DocumentDiagnosticParams& value) {
  expectObject(j);
  readRequired(j, "textDocument", value.textDocument);
  readOptional(j, "identifier", value.identifier);
  readOptional(j, "previousResultId", value.previousResultId);
}

void to_json(json& j, const FullDocumentDiagnosticReport& value) {
  j = {{"kind", "full"}, {"items", value.items}};
  writeOptional(j, "resultId", value.resultId);
}

void to_json(json& j, const UnchangedDocumentDiagnosticReport& value) {
  j = {{"kind", "unchanged"}, {"resultId", value.resultId}};
}

void to_json(json& j, const DocumentDiagnosticReport& value) {
  std::visit([&](const auto& report) { to_json(j, report); }, value);
}

// ---- Hover -------------------------------------------------------------------------------------

void to_json(json& j, const Hover& value) {
  j = {{"contents", value.contents}};
  writeOptional(j, "range", value.range);
}

// ---- Code actions and commands -----------------------------------------------------------------

void to_json(json& j, const Command& value) {
  j = {{"title", value.title}, {"command", value.command}};
  if (!value.arguments.empty()) j["arguments"] = value.arguments;
}

void from_json(const json& j, Command& value) {
  expectObject(j);
  readRequired(j, "title", value.title);
  readRequired(j, "command", value.command);
  value.arguments.clear();
  readIfPresent(j, "arguments", value.arguments);
}

void to_json(json& j, const WorkspaceEdit& value) {
  json changes = json::object();
  for (const auto& [uri, edits] : value.changes) changes[uri] = edits;
  j = {{"changes", std::move(changes)}};
}

void from_json(const json& j, WorkspaceEdit& value) {
  expectObject(j);
  value.changes.clear();
  auto changes = j.find("changes");
  if (changes == j.end() || changes->is_null()) return;
  within("changes", [&] {
    if (!changes->is_object()) fail("expected an object");
    // Plain references, not structured bindings: clang before 16 cannot capture those in a
    // lambda, and the fuzz build uses clang.
    for (const auto& item : changes->items()) {
      const std::string& uri = item.key();
      const json& edits = item.value();
      within(uri, [&] { readValue(edits, value.changes[uri]); });
    }
  });
}

void to_json(json& j, CodeActionTriggerKind value) {
  j = static_cast<int>(value);
}

void from_json(const json& j, CodeActionTriggerKind& value) {
  int32_t number = 0;
  readValue(j, number);
  if (number < 1 || number > 2) fail("expected a trigger kind of 1 or 2");
  value = static_cast<CodeActionTriggerKind>(number);
}

void from_json(const json& j, CodeActionContext& value) {
  expectObject(j);
  readRequired(j, "diagnostics", value.diagnostics);
  readOptional(j, "only", value.only);
  readOptional(j, "triggerKind", value.triggerKind);
}

void from_json(const json& j, CodeActionParams& value) {
  expectObject(j);
  readRequired(j, "textDocument", value.textDocument);
  readRequired(j, "range", value.range);
  readRequired(j, "context", value.context);
}

void to_json(json& j, const CodeAction& value) {
  j = {{"title", value.title}};
  writeOptional(j, "kind", value.kind);
  if (!value.diagnostics.empty()) j["diagnostics"] = value.diagnostics;
  if (value.isPreferred) j["isPreferred"] = true;
  writeOptional(j, "edit", value.edit);
  writeOptional(j, "command", value.command);
  if (!value.data.is_null()) j["data"] = value.data;
}

void from_json(const json& j, CodeAction& value) {
  expectObject(j);
  readRequired(j, "title", value.title);
  readOptional(j, "kind", value.kind);
  value.diagnostics.clear();
  readIfPresent(j, "diagnostics", value.diagnostics);
  value.isPreferred = false;
  readIfPresent(j, "isPreferred", value.isPreferred);
  readOptional(j, "edit", value.edit);
  readOptional(j, "command", value.command);
  value.data = memberOrNull(j, "data");
}

void from_json(const json& j, ExecuteCommandParams& value) {
  expectObject(j);
  readRequired(j, "command", value.command);
  value.arguments.clear();
  readIfPresent(j, "arguments", value.arguments);
}

void to_json(json& j, const ApplyWorkspaceEditParams& value) {
  j = {{"edit", value.edit}};
  writeOptional(j, "label", value.label);
}

void from_json(const json& j, ApplyWorkspaceEditResult& value) {
  expectObject(j);
  readRequired(j, "applied", value.applied);
  readOptional(j, "failureReason", value.failureReason);
}

// ---- Window ------------------------------------------------------------------------------------

void to_json(json& j, MessageType value) {
  j = static_cast<int>(value);
}

void to_json(json& j, const LogMessageParams& value) {
  j = {{"type", value.type}, {"message", value.message}};
}

// ---- Lifecycle and workspace -------------------------------------------------------------------

void to_json(json& j, TraceValue value) {
  switch (value) {
    case TraceValue::Off: j = "off"; return;
    case TraceValue::Messages: j = "messages"; return;
    case TraceValue::Verbose: j = "verbose"; return;
  }
  j = "off";
}

void from_json(const json& j, TraceValue& value) {
  if (!j.is_string()) fail("expected a string");
  std::optional<TraceValue> trace = traceValueNamed(j.get<std::string>());
  if (!trace) fail(R"(expected "off", "messages" or "verbose")");
  value = *trace;
}

void from_json(const json& j, ClientCapabilities& value) {
  value = ClientCapabilities{};
  value.raw = j;
  value.positionEncodings = capabilityStrings(j, {"general", "positionEncodings"});
  value.publishDiagnostics = capabilityPresent(j, {"textDocument", "publishDiagnostics"});
  value.diagnosticVersionSupport =
      capabilityTrue(j, {"textDocument", "publishDiagnostics", "versionSupport"});
  value.diagnosticCodeDescriptionSupport =
      capabilityTrue(j, {"textDocument", "publishDiagnostics", "codeDescriptionSupport"});
  value.diagnosticDataSupport =
      capabilityTrue(j, {"textDocument", "publishDiagnostics", "dataSupport"});
  value.pullDiagnostics = capabilityPresent(j, {"textDocument", "diagnostic"});
  value.diagnosticRefreshSupport =
      capabilityTrue(j, {"workspace", "diagnostics", "refreshSupport"});
  value.codeActionLiteralSupport =
      capabilityPresent(j, {"textDocument", "codeAction", "codeActionLiteralSupport"});
  value.codeActionIsPreferredSupport =
      capabilityTrue(j, {"textDocument", "codeAction", "isPreferredSupport"});
  value.codeActionDataSupport = capabilityTrue(j, {"textDocument", "codeAction", "dataSupport"});
  value.codeActionResolveProperties =
      capabilityStrings(j, {"textDocument", "codeAction", "resolveSupport", "properties"});
  for (const std::string& name : capabilityStrings(j, {"textDocument", "hover", "contentFormat"})) {
    if (std::optional<MarkupKind> kind = markupKindNamed(name)) {
      value.hoverContentFormat.push_back(*kind);
    }
  }
  value.workspaceConfiguration = capabilityTrue(j, {"workspace", "configuration"});
  value.workspaceApplyEdit = capabilityTrue(j, {"workspace", "applyEdit"});
  value.didChangeConfigurationDynamicRegistration =
      capabilityTrue(j, {"workspace", "didChangeConfiguration", "dynamicRegistration"});
  value.didChangeWatchedFilesDynamicRegistration =
      capabilityTrue(j, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  value.workDoneProgress = capabilityTrue(j, {"window", "workDoneProgress"});
}

void from_json(const json& j, ClientInfo& value) {
  expectObject(j);
  readRequired(j, "name", value.name);
  readOptional(j, "version", value.version);
}

void from_json(const json& j, WorkspaceFolder& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  readRequired(j, "name", value.name);
}

void from_json(const json& j, InitializeParams& value) {
  expectObject(j);
  readOptional(j, "processId", value.processId);
  readOptional(j, "clientInfo", value.clientInfo);
  readOptional(j, "rootUri", value.rootUri);
  within("capabilities", [&] {
    auto capabilities = j.find("capabilities");
    if (capabilities == j.end()) fail("missing");
    expectObject(*capabilities);
    from_json(*capabilities, value.capabilities);
  });
  value.initializationOptions = memberOrNull(j, "initializationOptions");
  value.trace.reset();
  if (auto trace = j.find("trace"); trace != j.end() && trace->is_string()) {
    value.trace = traceValueNamed(trace->get<std::string>());
  }
  readOptional(j, "workspaceFolders", value.workspaceFolders);
}

void to_json(json& j, const ServerInfo& value) {
  j = {{"name", value.name}};
  writeOptional(j, "version", value.version);
}

void to_json(json& j, const InitializeResult& value) {
  j = {{"capabilities", value.capabilities}};
  writeOptional(j, "serverInfo", value.serverInfo);
}

void from_json(const json& j, CancelParams& value) {
  expectObject(j);
  auto id = j.find("id");
  if (id == j.end()) throw SchemaError("id", "missing");
  if (!id->is_string() && !id->is_number_integer()) {
    throw SchemaError("id", "expected an integer or a string");
  }
  value.id = *id;
}

void from_json(const json& j, SetTraceParams& value) {
  expectObject(j);
  readRequired(j, "value", value.value);
}

void from_json(const json& j, DidChangeConfigurationParams& value) {
  expectObject(j);
  value.settings = memberOrNull(j, "settings");
}

void from_json(const json& j, FileEvent& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  int type = 0;
  readRequired(j, "type", type);
  if (type < 1 || type > 3) fail("expected a file change type from 1 to 3");
  value.type = static_cast<FileChangeType>(type);
}

void from_json(const json& j, DidChangeWatchedFilesParams& value) {
  expectObject(j);
  readRequired(j, "changes", value.changes);
}

void from_json(const json& j, PreviousResultId& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  readRequired(j, "value", value.value);
}

namespace {

/// A ProgressToken (integer or string); null when absent.
json progressToken(const json& object, const char* key) {
  json token = memberOrNull(object, key);
  if (!token.is_null() && !token.is_string() && !token.is_number_integer()) {
    throw SchemaError(key, "expected an integer or a string");
  }
  return token;
}

}  // namespace

void from_json(const json& j, WorkspaceDiagnosticParams& value) {
  expectObject(j);
  readOptional(j, "identifier", value.identifier);
  readRequired(j, "previousResultIds", value.previousResultIds);
  value.workDoneToken = progressToken(j, "workDoneToken");
  value.partialResultToken = progressToken(j, "partialResultToken");
}

void from_json(const json& j, WorkspaceFoldersChangeEvent& value) {
  expectObject(j);
  readRequired(j, "added", value.added);
  readRequired(j, "removed", value.removed);
}

void from_json(const json& j, DidChangeWorkspaceFoldersParams& value) {
  expectObject(j);
  readRequired(j, "event", value.event);
}

void from_json(const json& j, WorkDoneProgressCancelParams& value) {
  expectObject(j);
  value.token = progressToken(j, "token");
  if (value.token.is_null()) throw SchemaError("token", "missing");
}

void to_json(json& j, const WorkspaceDocumentDiagnosticReport& value) {
  j = {{"kind", value.unchanged ? "unchanged" : "full"}};
  writeOptional(j, "resultId", value.resultId);
  j["uri"] = value.uri;
  j["version"] = value.version ? json(*value.version) : json(nullptr);
  if (!value.unchanged) j["items"] = value.items;
}

void to_json(json& j, const ConfigurationItem& value) {
  j = json::object();
  writeOptional(j, "scopeUri", value.scopeUri);
  writeOptional(j, "section", value.section);
}

void to_json(json& j, const ConfigurationParams& value) {
  j = {{"items", value.items}};
}

// ---- Document synchronisation ------------------------------------------------------------------

void from_json(const json& j, DidOpenTextDocumentParams& value) {
  expectObject(j);
  readRequired(j, "textDocument", value.textDocument);
}

void from_json(const json& j, DidChangeTextDocumentParams& value) {
  expectObject(j);
  readRequired(j, "textDocument", value.textDocument);
  readRequired(j, "contentChanges", value.contentChanges);
}

void from_json(const json& j, DidCloseTextDocumentParams& value) {
  expectObject(j);
  readRequired(j, "textDocument", value.textDocument);
}

void from_json(const json& j, DidSaveTextDocumentParams& value) {
  expectObject(j);
  readRequired(j, "textDocument", value.textDocument);
  readOptional(j, "text", value.text);
}

// ---- Notebook document synchronisation ----

void from_json(const json& j, NotebookCellKind& value) {
  int32_t kind = 0;
  readValue(j, kind);
  if (kind != 1 && kind != 2) fail("expected 1 (markup) or 2 (code)");
  value = static_cast<NotebookCellKind>(kind);
}

void from_json(const json& j, NotebookCell& value) {
  expectObject(j);
  readRequired(j, "kind", value.kind);
  readRequired(j, "document", value.document);
}

void from_json(const json& j, NotebookDocument& value) {
  expectObject(j);
  readRequired(j, "uri", value.uri);
  readRequired(j, "notebookType", value.notebookType);
  readRequired(j, "version", value.version);
  readRequired(j, "cells", value.cells);
}

void from_json(const json& j, DidOpenNotebookDocumentParams& value) {
  expectObject(j);
  readRequired(j, "notebookDocument", value.notebookDocument);
  readRequired(j, "cellTextDocuments", value.cellTextDocuments);
}

void from_json(const json& j, NotebookCellArrayChange& value) {
  expectObject(j);
  readRequired(j, "start", value.start);
  readRequired(j, "deleteCount", value.deleteCount);
  readIfPresent(j, "cells", value.cells);
}

void from_json(const json& j, NotebookCellStructureChange& value) {
  expectObject(j);
  readRequired(j, "array", value.array);
  readIfPresent(j, "didOpen", value.didOpen);
  readIfPresent(j, "didClose", value.didClose);
}

void from_json(const json& j, NotebookCellTextChange& value) {
  expectObject(j);
  readRequired(j, "document", value.document);
  readRequired(j, "changes", value.changes);
}

void from_json(const json& j, NotebookDocumentChangeEvent& value) {
  expectObject(j);
  auto cells = j.find("cells");
  if (cells == j.end() || cells->is_null()) return;
  within("cells", [&] {
    expectObject(*cells);
    readOptional(*cells, "structure", value.structure);
    readIfPresent(*cells, "textContent", value.textContent);
  });
}

void from_json(const json& j, DidChangeNotebookDocumentParams& value) {
  expectObject(j);
  readRequired(j, "notebookDocument", value.notebookDocument);
  readRequired(j, "change", value.change);
}

void from_json(const json& j, DidSaveNotebookDocumentParams& value) {
  expectObject(j);
  readRequired(j, "notebookDocument", value.notebookDocument);
}

void from_json(const json& j, DidCloseNotebookDocumentParams& value) {
  expectObject(j);
  readRequired(j, "notebookDocument", value.notebookDocument);
  readIfPresent(j, "cellTextDocuments", value.cellTextDocuments);
}

}  // namespace perfhint::protocol
