// LSP 3.17 structures a diagnostics, hover and code-action server needs, as plain structs with
// free to_json/from_json functions (found by ADL: `json j = value;`, `j.get<T>()`).
//
// Reading follows the spec strictly where it matters: from_json throws SchemaError (a
// nlohmann::json::exception) naming the member, e.g. "textDocument.uri: expected a string", when a
// required member is missing or any member has the wrong type, so the server can answer
// InvalidParams (-32602) with that text. Optional members may be absent or null. Client
// capabilities are the exception: they are advice, so a capability of an unexpected shape counts
// as absent. Unknown members are ignored. Writing leaves out optional members that are unset.
//
// Positions here are LSP positions (lines and columns in the negotiated encoding, see
// position_encoding.h); converting them to byte offsets is the server's job.
#pragma once

#include <nlohmann/json.hpp>  // the JSON value type and its exception hierarchy

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace perfhint::protocol {

using json = nlohmann::json;

/// Thrown by from_json for params that do not have the required shape. `what()` is
/// "<path>: <reason>", e.g. "contentChanges[0].range.start.line: expected an integer".
class SchemaError : public nlohmann::json::exception {
 public:
  SchemaError(std::string path, std::string reason);
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

// ---- Basic structures --------------------------------------------------------------------------

/// A zero-based line and a column in units of the session's position encoding. Reading accepts
/// any non-negative integer; values beyond UINT32_MAX are clamped (a column past the end of its
/// line means the end of the line).
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend auto operator<=>(const Position&, const Position&) = default;
};

/// A half-open range [start, end).
struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

struct Location {
  std::string uri;
  Range range;
  friend bool operator==(const Location&, const Location&) = default;
};

/// Replaces `range` with `newText` (an empty range inserts).
struct TextEdit {
  Range range;
  std::string newText;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

struct TextDocumentIdentifier {
  std::string uri;
};

struct VersionedTextDocumentIdentifier {
  std::string uri;
  int32_t version = 0;
};

/// A document identifier whose version is null (nullopt) when the document is not open.
struct OptionalVersionedTextDocumentIdentifier {
  std::string uri;
  std::optional<int32_t> version;
};

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int32_t version = 0;
  std::string text;
};

/// One change of textDocument/didChange: with a range it replaces that range (incremental sync),
/// without one it is the document's full new text. The deprecated rangeLength is ignored.
struct TextDocumentContentChangeEvent {
  std::optional<Range> range;
  std::string text;
};

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};

enum class MarkupKind { PlainText, Markdown };  ///< "plaintext", "markdown"

struct MarkupContent {
  MarkupKind kind = MarkupKind::Markdown;
  std::string value;
};

// ---- Document synchronisation ------------------------------------------------------------------

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;  ///< apply in order
};

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};

struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> text;  ///< present when the server asked for includeText
};

// ---- Notebook document synchronisation (LSP 3.17) ----------------------------------------------

enum class NotebookCellKind { Markup = 1, Code = 2 };

/// A cell of a notebook: its kind and the URI of the text document holding its content.
struct NotebookCell {
  NotebookCellKind kind = NotebookCellKind::Code;
  std::string document;
};

struct NotebookDocument {
  std::string uri;
  std::string notebookType;
  int32_t version = 0;
  std::vector<NotebookCell> cells;
};

struct DidOpenNotebookDocumentParams {
  NotebookDocument notebookDocument;
  std::vector<TextDocumentItem> cellTextDocuments;  ///< the cells the server's selector takes
};

/// Replace `deleteCount` cells from `start` with `cells` (an array splice).
struct NotebookCellArrayChange {
  uint32_t start = 0;
  uint32_t deleteCount = 0;
  std::vector<NotebookCell> cells;
};

struct NotebookCellStructureChange {
  NotebookCellArrayChange array;
  std::vector<TextDocumentItem> didOpen;
  std::vector<TextDocumentIdentifier> didClose;
};

struct NotebookCellTextChange {
  VersionedTextDocumentIdentifier document;
  std::vector<TextDocumentContentChangeEvent> changes;
};

/// `cells.data` (cell metadata or kind changes) and the notebook's metadata are not needed.
struct NotebookDocumentChangeEvent {
  std::optional<NotebookCellStructureChange> structure;
  std::vector<NotebookCellTextChange> textContent;
};

struct DidChangeNotebookDocumentParams {
  VersionedTextDocumentIdentifier notebookDocument;
  NotebookDocumentChangeEvent change;
};

struct DidSaveNotebookDocumentParams {
  TextDocumentIdentifier notebookDocument;
};

struct DidCloseNotebookDocumentParams {
  TextDocumentIdentifier notebookDocument;
  std::vector<TextDocumentIdentifier> cellTextDocuments;
};

// ---- Diagnostics -------------------------------------------------------------------------------

enum class DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

/// Values other than these two are kept as they are (newer clients may send more).
enum class DiagnosticTag { Unnecessary = 1, Deprecated = 2 };

struct CodeDescription {
  std::string href;  ///< a URI, e.g. the rule's documentation
  friend bool operator==(const CodeDescription&, const CodeDescription&) = default;
};

struct Diagnostic {
  Range range;
  std::optional<DiagnosticSeverity> severity;
  /// The spec allows integer or string codes; an integer code from a client reads as its decimal
  /// text.
  std::optional<std::string> code;
  std::optional<CodeDescription> codeDescription;
  std::optional<std::string> source;
  std::string message;
  std::vector<DiagnosticTag> tags;  ///< written only when non-empty
  json data;                        ///< kept between publish and codeAction; null = absent
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// textDocument/publishDiagnostics (server -> client).
struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<int32_t> version;  ///< the document version the diagnostics were computed for
  std::vector<Diagnostic> diagnostics;
};

/// textDocument/diagnostic (pull diagnostics).
struct DocumentDiagnosticParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> identifier;
  std::optional<std::string> previousResultId;
};

/// Written as {"kind": "full", "resultId"?, "items"}.
struct FullDocumentDiagnosticReport {
  std::optional<std::string> resultId;
  std::vector<Diagnostic> items;
};

/// Written as {"kind": "unchanged", "resultId"}: the client keeps its previous result.
struct UnchangedDocumentDiagnosticReport {
  std::string resultId;
};

using DocumentDiagnosticReport =
    std::variant<FullDocumentDiagnosticReport, UnchangedDocumentDiagnosticReport>;

/// A result id the client holds for a document, sent back with workspace/diagnostic.
struct PreviousResultId {
  std::string uri;
  std::string value;
};

/// workspace/diagnostic. Progress tokens are integers or strings; null when absent.
struct WorkspaceDiagnosticParams {
  std::optional<std::string> identifier;
  std::vector<PreviousResultId> previousResultIds;  ///< required by the spec (may be empty)
  json workDoneToken;
  json partialResultToken;
};

/// One document's entry in a workspace diagnostic report: {"kind": "full", "resultId"?, "uri",
/// "version", "items"}, or {"kind": "unchanged", "resultId", "uri", "version"} when
/// `unchanged`. `version` is null for a document that is not open.
struct WorkspaceDocumentDiagnosticReport {
  std::string uri;
  std::optional<int32_t> version;
  std::optional<std::string> resultId;  ///< required when `unchanged`
  bool unchanged = false;
  std::vector<Diagnostic> items;
};

// ---- Hover -------------------------------------------------------------------------------------

using HoverParams = TextDocumentPositionParams;

struct Hover {
  MarkupContent contents;
  std::optional<Range> range;
};

// ---- Code actions and commands -----------------------------------------------------------------

struct Command {
  std::string title;
  std::string command;
  std::vector<json> arguments;  ///< written only when non-empty
  friend bool operator==(const Command&, const Command&) = default;
};

/// Only the `changes` form (uri -> edits); `documentChanges` is neither written nor read.
struct WorkspaceEdit {
  std::map<std::string, std::vector<TextEdit>> changes;
  friend bool operator==(const WorkspaceEdit&, const WorkspaceEdit&) = default;
};

enum class CodeActionTriggerKind { Invoked = 1, Automatic = 2 };

struct CodeActionContext {
  std::vector<Diagnostic> diagnostics;           ///< required by the spec (may be empty)
  std::optional<std::vector<std::string>> only;  ///< requested kinds, e.g. "quickfix"
  std::optional<CodeActionTriggerKind> triggerKind;
};

struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  CodeActionContext context;
};

/// Read too, for codeAction/resolve (the client sends back an action it got from us).
struct CodeAction {
  std::string title;
  std::optional<std::string> kind;      ///< e.g. "quickfix", "source.fixAll.perfhint"
  std::vector<Diagnostic> diagnostics;  ///< written only when non-empty
  bool isPreferred = false;             ///< written only when true
  std::optional<WorkspaceEdit> edit;
  std::optional<Command> command;
  json data;  ///< null = absent
  friend bool operator==(const CodeAction&, const CodeAction&) = default;
};

struct ExecuteCommandParams {
  std::string command;
  std::vector<json> arguments;
};

/// workspace/applyEdit (server -> client request).
struct ApplyWorkspaceEditParams {
  std::optional<std::string> label;
  WorkspaceEdit edit;
};

/// The client's answer to workspace/applyEdit.
struct ApplyWorkspaceEditResult {
  bool applied = false;
  std::optional<std::string> failureReason;
};

// ---- Window ------------------------------------------------------------------------------------

enum class MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 };

/// window/logMessage and window/showMessage (server -> client).
struct LogMessageParams {
  MessageType type = MessageType::Log;
  std::string message;
};
using ShowMessageParams = LogMessageParams;

// ---- Lifecycle and workspace -------------------------------------------------------------------

enum class TraceValue { Off, Messages, Verbose };  ///< "off", "messages", "verbose"

/// The client capabilities a linting server acts on, plus the raw object for anything else.
/// Booleans are true only when the member is the JSON value true; "present" flags are true when
/// the member is an object.
struct ClientCapabilities {
  std::vector<std::string> positionEncodings;  ///< general.positionEncodings; empty when absent
  bool publishDiagnostics = false;             ///< textDocument.publishDiagnostics present
  bool diagnosticVersionSupport = false;       ///< textDocument.publishDiagnostics.versionSupport
  bool diagnosticCodeDescriptionSupport = false;  ///< ...publishDiagnostics.codeDescriptionSupport
  bool diagnosticDataSupport = false;             ///< ...publishDiagnostics.dataSupport
  bool pullDiagnostics = false;                   ///< textDocument.diagnostic present
  bool diagnosticRefreshSupport = false;          ///< workspace.diagnostics.refreshSupport
  bool codeActionLiteralSupport = false;      ///< textDocument.codeAction.codeActionLiteralSupport
                                              ///< present: CodeAction literals may be returned
  bool codeActionIsPreferredSupport = false;  ///< textDocument.codeAction.isPreferredSupport
  bool codeActionDataSupport = false;         ///< textDocument.codeAction.dataSupport
  /// textDocument.codeAction.resolveSupport.properties (string entries only), e.g. ["edit"];
  /// empty when codeAction/resolve is not supported.
  std::vector<std::string> codeActionResolveProperties;
  std::vector<MarkupKind> hoverContentFormat;  ///< textDocument.hover.contentFormat, known kinds
  bool workspaceConfiguration = false;         ///< workspace.configuration
  bool workspaceApplyEdit = false;             ///< workspace.applyEdit
  bool didChangeConfigurationDynamicRegistration = false;
  /// workspace.didChangeWatchedFiles.dynamicRegistration
  bool didChangeWatchedFilesDynamicRegistration = false;
  bool workDoneProgress = false;  ///< window.workDoneProgress
  json raw;                       ///< the whole capabilities object
};

struct ClientInfo {
  std::string name;
  std::optional<std::string> version;
};

struct WorkspaceFolder {
  std::string uri;
  std::string name;
};

/// initialize. `capabilities` is required (an object). processId and rootUri are required but
/// nullable in the spec; absence is tolerated and reads as nullopt. An unknown `trace` value
/// reads as nullopt rather than failing the whole initialize.
struct InitializeParams {
  std::optional<int32_t> processId;
  std::optional<ClientInfo> clientInfo;
  std::optional<std::string> rootUri;
  ClientCapabilities capabilities;
  json initializationOptions;  ///< null when absent
  std::optional<TraceValue> trace;
  std::optional<std::vector<WorkspaceFolder>> workspaceFolders;  ///< nullopt: absent or null
};

struct ServerInfo {
  std::string name;
  std::optional<std::string> version;
};

/// The initialize result. `capabilities` is assembled by the server (it includes the negotiated
/// positionEncoding).
struct InitializeResult {
  json capabilities = json::object();
  std::optional<ServerInfo> serverInfo;
};

/// $/cancelRequest: the id of the request to cancel (an integer or a string).
struct CancelParams {
  json id;
};

/// $/setTrace. An unknown value is an error here.
struct SetTraceParams {
  TraceValue value = TraceValue::Off;
};

/// workspace/didChangeConfiguration.
struct DidChangeConfigurationParams {
  json settings;  ///< null when absent
};

/// workspace/didChangeWatchedFiles: FileEvent.type.
enum class FileChangeType { Created = 1, Changed = 2, Deleted = 3 };

struct FileEvent {
  std::string uri;
  FileChangeType type = FileChangeType::Changed;
};

/// workspace/didChangeWatchedFiles.
struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};

/// workspace/didChangeWorkspaceFolders: WorkspaceFoldersChangeEvent.
struct WorkspaceFoldersChangeEvent {
  std::vector<WorkspaceFolder> added;
  std::vector<WorkspaceFolder> removed;
};

struct DidChangeWorkspaceFoldersParams {
  WorkspaceFoldersChangeEvent event;
};

/// window/workDoneProgress/cancel: the token of the progress the user cancelled.
struct WorkDoneProgressCancelParams {
  json token;
};

struct ConfigurationItem {
  std::optional<std::string> scopeUri;
  std::optional<std::string> section;
};

/// workspace/configuration (server -> client request); the answer is an array with one value per
/// item.
struct ConfigurationParams {
  std::vector<ConfigurationItem> items;
};

// ---- JSON conversions --------------------------------------------------------------------------
// Both directions.
void to_json(json& j, const Position& value);
void from_json(const json& j, Position& value);
void to_json(json& j, const Range& value);
void from_json(const json& j, Range& value);
void to_json(json& j, const Location& value);
void from_json(const json& j, Location& value);
void to_json(json& j, const TextEdit& value);
void from_json(const json& j, TextEdit& value);
void to_json(json& j, const TextDocumentIdentifier& value);
void from_json(const json& j, TextDocumentIdentifier& value);
void to_json(json& j, const VersionedTextDocumentIdentifier& value);
void from_json(const json& j, VersionedTextDocumentIdentifier& value);
void to_json(json& j, const OptionalVersionedTextDocumentIdentifier& value);
void from_json(const json& j, OptionalVersionedTextDocumentIdentifier& value);
void to_json(json& j, const TextDocumentItem& value);
void from_json(const json& j, TextDocumentItem& value);
void to_json(json& j, const TextDocumentContentChangeEvent& value);
void from_json(const json& j, TextDocumentContentChangeEvent& value);
void to_json(json& j, const TextDocumentPositionParams& value);
void from_json(const json& j, TextDocumentPositionParams& value);
void to_json(json& j, MarkupKind value);
void from_json(const json& j, MarkupKind& value);
void to_json(json& j, const MarkupContent& value);
void from_json(const json& j, MarkupContent& value);
void to_json(json& j, DiagnosticSeverity value);
void from_json(const json& j, DiagnosticSeverity& value);
void to_json(json& j, DiagnosticTag value);
void from_json(const json& j, DiagnosticTag& value);
void to_json(json& j, const CodeDescription& value);
void from_json(const json& j, CodeDescription& value);
void to_json(json& j, const Diagnostic& value);
void from_json(const json& j, Diagnostic& value);
void to_json(json& j, const Command& value);
void from_json(const json& j, Command& value);
void to_json(json& j, const WorkspaceEdit& value);
void from_json(const json& j, WorkspaceEdit& value);
void to_json(json& j, CodeActionTriggerKind value);
void from_json(const json& j, CodeActionTriggerKind& value);
void to_json(json& j, const CodeAction& value);
void from_json(const json& j, CodeAction& value);
void to_json(json& j, TraceValue value);
void from_json(const json& j, TraceValue& value);

// Client -> server only.
void from_json(const json& j, DidOpenTextDocumentParams& value);
void from_json(const json& j, DidChangeTextDocumentParams& value);
void from_json(const json& j, DidCloseTextDocumentParams& value);
void from_json(const json& j, DidSaveTextDocumentParams& value);
void from_json(const json& j, NotebookCellKind& value);
void from_json(const json& j, NotebookCell& value);
void from_json(const json& j, NotebookDocument& value);
void from_json(const json& j, DidOpenNotebookDocumentParams& value);
void from_json(const json& j, NotebookCellArrayChange& value);
void from_json(const json& j, NotebookCellStructureChange& value);
void from_json(const json& j, NotebookCellTextChange& value);
void from_json(const json& j, NotebookDocumentChangeEvent& value);
void from_json(const json& j, DidChangeNotebookDocumentParams& value);
void from_json(const json& j, DidSaveNotebookDocumentParams& value);
void from_json(const json& j, DidCloseNotebookDocumentParams& value);
void from_json(const json& j, DocumentDiagnosticParams& value);
void from_json(const json& j, CodeActionContext& value);
void from_json(const json& j, CodeActionParams& value);
void from_json(const json& j, ExecuteCommandParams& value);
void from_json(const json& j, ApplyWorkspaceEditResult& value);
void from_json(const json& j, ClientCapabilities& value);
void from_json(const json& j, ClientInfo& value);
void from_json(const json& j, WorkspaceFolder& value);
void from_json(const json& j, InitializeParams& value);
void from_json(const json& j, CancelParams& value);
void from_json(const json& j, SetTraceParams& value);
void from_json(const json& j, DidChangeConfigurationParams& value);
void from_json(const json& j, FileEvent& value);
void from_json(const json& j, DidChangeWatchedFilesParams& value);
void from_json(const json& j, PreviousResultId& value);
void from_json(const json& j, WorkspaceDiagnosticParams& value);
void from_json(const json& j, WorkspaceFoldersChangeEvent& value);
void from_json(const json& j, DidChangeWorkspaceFoldersParams& value);
void from_json(const json& j, WorkDoneProgressCancelParams& value);

// Server -> client only.
void to_json(json& j, const PublishDiagnosticsParams& value);
void to_json(json& j, const FullDocumentDiagnosticReport& value);
void to_json(json& j, const UnchangedDocumentDiagnosticReport& value);
void to_json(json& j, const DocumentDiagnosticReport& value);
void to_json(json& j, const WorkspaceDocumentDiagnosticReport& value);
void to_json(json& j, const Hover& value);
void to_json(json& j, const ApplyWorkspaceEditParams& value);
void to_json(json& j, MessageType value);
void to_json(json& j, const LogMessageParams& value);
void to_json(json& j, const ServerInfo& value);
void to_json(json& j, const InitializeResult& value);
void to_json(json& j, const ConfigurationItem& value);
void to_json(json& j, const ConfigurationParams& value);

}  // namespace perfhint::protocol
