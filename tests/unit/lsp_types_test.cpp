// LSP structures: exact JSON written, strict reading with located errors, lenient capabilities.
#include "protocol/lsp_types.h"

#include <doctest/doctest.h>

using namespace perfhint::protocol;

namespace {

/// The message of the SchemaError that reading `j` as T throws ("" when it does not throw).
template <class T>
std::string readError(const json& j) {
  try {
    (void)j.get<T>();
  } catch (const SchemaError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("positions and ranges round-trip") {
  Range range{{1, 2}, {3, 4}};
  json j = range;
  CHECK(j == json::parse(R"({"start":{"line":1,"character":2},"end":{"line":3,"character":4}})"));
  CHECK(j.get<Range>() == range);
  CHECK(Position{1, 2} < Position{1, 3});
  CHECK(Position{0, 9} < Position{1, 0});
}

TEST_CASE("position numbers must be non-negative integers; huge ones are clamped") {
  CHECK(readError<Position>(json::parse(R"({"line":-1,"character":0})")) ==
        "line: expected a non-negative integer");
  CHECK(readError<Position>(json::parse(R"({"line":1.5,"character":0})")) ==
        "line: expected an integer");
  CHECK(readError<Position>(json::parse(R"({"line":"1","character":0})")) ==
        "line: expected an integer");
  CHECK(readError<Position>(json::parse(R"({"line":true,"character":0})")) ==
        "line: expected an integer");
  CHECK(readError<Position>(json::parse(R"({"line":1})")) == "character: missing");
  CHECK(readError<Position>(json::parse("[1,2]")) == "expected an object");
  auto position = json::parse(R"({"line":0,"character":99999999999})").get<Position>();
  CHECK(position.character == UINT32_MAX);
}

TEST_CASE("schema errors are nlohmann exceptions, so one catch handles every bad params") {
  bool caught = false;
  try {
    (void)json::parse(R"({"textDocument":{"uri":"file:///a.py"}})")
        .get<DidOpenTextDocumentParams>();
  } catch (const nlohmann::json::exception& error) {
    caught = true;
    CHECK(std::string(error.what()) == "textDocument.languageId: missing");
  }
  CHECK(caught);
}

TEST_CASE("didOpen, didChange, didClose, didSave") {
  auto open = json::parse(R"({"textDocument":{"uri":"file:///a.py","languageId":"python",
                              "version":3,"text":"x = 1\n"}})")
                  .get<DidOpenTextDocumentParams>();
  CHECK(open.textDocument.uri == "file:///a.py");
  CHECK(open.textDocument.languageId == "python");
  CHECK(open.textDocument.version == 3);
  CHECK(open.textDocument.text == "x = 1\n");

  auto change = json::parse(R"({"textDocument":{"uri":"file:///a.py","version":4},
      "contentChanges":[
        {"range":{"start":{"line":0,"character":4},"end":{"line":0,"character":5}},
         "rangeLength":1,"text":"2"},
        {"text":"whole\n"},
        {"range":null,"text":"again"}]})")
                    .get<DidChangeTextDocumentParams>();
  CHECK(change.textDocument.version == 4);
  REQUIRE(change.contentChanges.size() == 3);
  REQUIRE(change.contentChanges[0].range);
  CHECK(*change.contentChanges[0].range == Range{{0, 4}, {0, 5}});
  CHECK(change.contentChanges[0].text == "2");
  CHECK_FALSE(change.contentChanges[1].range);
  CHECK_FALSE(change.contentChanges[2].range);

  CHECK(readError<DidChangeTextDocumentParams>(json::parse(
            R"({"textDocument":{"uri":"u","version":1},"contentChanges":[{"text":"a"},
                {"range":{"start":{"line":"x","character":0},"end":{"line":0,"character":0}},
                 "text":""}]})")) == "contentChanges[1].range.start.line: expected an integer");
  CHECK(readError<DidChangeTextDocumentParams>(
            json::parse(R"({"textDocument":{"uri":"u","version":null},"contentChanges":[]})")) ==
        "textDocument.version: expected an integer");
  CHECK(readError<DidChangeTextDocumentParams>(json::parse(
            R"({"textDocument":{"uri":"u","version":2147483648},"contentChanges":[]})")) ==
        "textDocument.version: integer out of range");

  auto close =
      json::parse(R"({"textDocument":{"uri":"untitled:1"}})").get<DidCloseTextDocumentParams>();
  CHECK(close.textDocument.uri == "untitled:1");
  auto save =
      json::parse(R"({"textDocument":{"uri":"u"},"text":"t"})").get<DidSaveTextDocumentParams>();
  CHECK(save.text == "t");
  CHECK_FALSE(json::parse(R"({"textDocument":{"uri":"u"}})").get<DidSaveTextDocumentParams>().text);
}

TEST_CASE("optional versioned identifiers write null when there is no version") {
  CHECK(json(OptionalVersionedTextDocumentIdentifier{"u", std::nullopt}) ==
        json::parse(R"({"uri":"u","version":null})"));
  CHECK(json(OptionalVersionedTextDocumentIdentifier{"u", 2}) ==
        json::parse(R"({"uri":"u","version":2})"));
  CHECK_FALSE(json::parse(R"({"uri":"u","version":null})")
                  .get<OptionalVersionedTextDocumentIdentifier>()
                  .version);
}

TEST_CASE("a diagnostic is written with only the members that are set") {
  Diagnostic diagnostic;
  diagnostic.range = {{2, 4}, {2, 9}};
  diagnostic.message = "Membership test against a list";
  CHECK(json(diagnostic) ==
        json::parse(R"({"range":{"start":{"line":2,"character":4},"end":{"line":2,"character":9}},
                        "message":"Membership test against a list"})"));
  diagnostic.severity = DiagnosticSeverity::Warning;
  diagnostic.code = "PH701";
  diagnostic.codeDescription = CodeDescription{"https://example.com/PH701"};
  diagnostic.source = "perfhint";
  diagnostic.tags = {DiagnosticTag::Unnecessary};
  diagnostic.data = {{"fix", {{"safe", false}}}};
  json j = diagnostic;
  CHECK(j ==
        json::parse(R"({"range":{"start":{"line":2,"character":4},"end":{"line":2,"character":9}},
      "message":"Membership test against a list","severity":2,"code":"PH701",
      "codeDescription":{"href":"https://example.com/PH701"},"source":"perfhint","tags":[1],
      "data":{"fix":{"safe":false}}})"));
  CHECK(j.get<Diagnostic>() == diagnostic);
}

TEST_CASE("diagnostics read back from a client") {
  auto diagnostic = json::parse(R"({"range":{"start":{"line":0,"character":0},
      "end":{"line":0,"character":1}},"message":"m","code":123,"tags":[1,7],"relatedInformation":[]})")
                        .get<Diagnostic>();
  CHECK(diagnostic.code == "123");
  CHECK_FALSE(diagnostic.severity);
  CHECK(diagnostic.data.is_null());
  REQUIRE(diagnostic.tags.size() == 2);
  CHECK(static_cast<int>(diagnostic.tags[1]) == 7);
  CHECK(readError<Diagnostic>(json::parse(R"({"range":{"start":{"line":0,"character":0},
      "end":{"line":0,"character":1}},"message":"m","severity":5})")) ==
        "severity: expected a severity from 1 to 4");
  CHECK(readError<Diagnostic>(json::parse(R"({"range":{"start":{"line":0,"character":0},
      "end":{"line":0,"character":1}},"message":"m","code":[1]})")) == "code: expected a string");
  CHECK(readError<Diagnostic>(json::parse(R"({"range":{"start":{"line":0,"character":0},
      "end":{"line":0,"character":1}}})")) == "message: missing");
}

TEST_CASE("publishDiagnostics params") {
  PublishDiagnosticsParams params{"file:///a.py", 7, {}};
  CHECK(json(params) == json::parse(R"({"uri":"file:///a.py","version":7,"diagnostics":[]})"));
  params.version.reset();
  CHECK(json(params) == json::parse(R"({"uri":"file:///a.py","diagnostics":[]})"));
}

TEST_CASE("pull diagnostics: params and both report kinds") {
  auto params = json::parse(R"({"textDocument":{"uri":"u"},"previousResultId":"r1"})")
                    .get<DocumentDiagnosticParams>();
  CHECK(params.textDocument.uri == "u");
  CHECK(params.previousResultId == "r1");
  CHECK_FALSE(params.identifier);
  CHECK(readError<DocumentDiagnosticParams>(json::parse(R"({"identifier":"x"})")) ==
        "textDocument: missing");

  DocumentDiagnosticReport full = FullDocumentDiagnosticReport{"r2", {}};
  CHECK(json(full) == json::parse(R"({"kind":"full","resultId":"r2","items":[]})"));
  DocumentDiagnosticReport unchanged = UnchangedDocumentDiagnosticReport{"r2"};
  CHECK(json(unchanged) == json::parse(R"({"kind":"unchanged","resultId":"r2"})"));
  CHECK(json(FullDocumentDiagnosticReport{}) == json::parse(R"({"kind":"full","items":[]})"));
}

TEST_CASE("hover params and result") {
  auto params = json::parse(R"({"textDocument":{"uri":"u"},"position":{"line":1,"character":2}})")
                    .get<HoverParams>();
  CHECK(params.position == Position{1, 2});
  Hover hover{{MarkupKind::Markdown, "**PH701**"}, Range{{1, 0}, {1, 3}}};
  CHECK(json(hover) == json::parse(R"({"contents":{"kind":"markdown","value":"**PH701**"},
      "range":{"start":{"line":1,"character":0},"end":{"line":1,"character":3}}})"));
  CHECK(json(Hover{{MarkupKind::PlainText, "x"}, std::nullopt}) ==
        json::parse(R"({"contents":{"kind":"plaintext","value":"x"}})"));
  CHECK(readError<MarkupContent>(json::parse(R"({"kind":"html","value":""})")) ==
        R"(kind: expected "plaintext" or "markdown")");
}

TEST_CASE("code action params from a client") {
  auto params = json::parse(R"({"textDocument":{"uri":"file:///a.py"},
      "range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},
      "context":{"diagnostics":[{"range":{"start":{"line":0,"character":0},
        "end":{"line":0,"character":3}},"message":"m","code":"PH701","data":{"k":1}}],
        "only":["quickfix"],"triggerKind":2}})")
                    .get<CodeActionParams>();
  CHECK(params.range == Range{{0, 0}, {0, 3}});
  REQUIRE(params.context.diagnostics.size() == 1);
  CHECK(params.context.diagnostics[0].data == json{{"k", 1}});
  CHECK(params.context.only == std::vector<std::string>{"quickfix"});
  CHECK(params.context.triggerKind == CodeActionTriggerKind::Automatic);

  auto minimal = json::parse(R"({"textDocument":{"uri":"u"},
      "range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},
      "context":{"diagnostics":[]}})")
                     .get<CodeActionParams>();
  CHECK_FALSE(minimal.context.only);
  CHECK_FALSE(minimal.context.triggerKind);
  CHECK(readError<CodeActionParams>(json::parse(R"({"textDocument":{"uri":"u"},
      "range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},
      "context":{}})")) == "context.diagnostics: missing");
  CHECK(readError<CodeActionParams>(json::parse(R"({"textDocument":{"uri":"u"},
      "range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},
      "context":{"diagnostics":[],"triggerKind":3}})")) ==
        "context.triggerKind: expected a trigger kind of 1 or 2");
}

TEST_CASE("code actions round-trip, for codeAction/resolve") {
  CodeAction action;
  action.title = "Use a set literal";
  action.kind = "quickfix";
  action.isPreferred = true;
  action.edit = WorkspaceEdit{{{"file:///a.py", {TextEdit{{{0, 5}, {0, 11}}, "{1, 2}"}}}}};
  action.data = {{"uri", "file:///a.py"}};
  json j = action;
  CHECK(j == json::parse(R"({"title":"Use a set literal","kind":"quickfix","isPreferred":true,
      "edit":{"changes":{"file:///a.py":[{"range":{"start":{"line":0,"character":5},
        "end":{"line":0,"character":11}},"newText":"{1, 2}"}]}},"data":{"uri":"file:///a.py"}})"));
  CHECK(j.get<CodeAction>() == action);

  CodeAction bare;
  bare.title = "t";
  bare.command = Command{"Fix all", "perfhint.fixAll", {"file:///a.py"}};
  CHECK(json(bare) == json::parse(R"({"title":"t","command":{"title":"Fix all",
      "command":"perfhint.fixAll","arguments":["file:///a.py"]}})"));
  CHECK(json(bare).get<CodeAction>() == bare);
  CHECK(readError<CodeAction>(json::parse(R"({"title":"t","edit":{"changes":{"u":[{}]}}})")) ==
        "edit.changes.u[0].range: missing");
}

TEST_CASE("workspace edits, executeCommand and applyEdit") {
  CHECK(json(WorkspaceEdit{}) == json::parse(R"({"changes":{}})"));
  CHECK(json::parse(R"({"documentChanges":[]})").get<WorkspaceEdit>().changes.empty());
  CHECK(readError<WorkspaceEdit>(json::parse(R"({"changes":[]})")) ==
        "changes: expected an object");

  auto command = json::parse(R"({"command":"perfhint.fixAll","arguments":[{"uri":"u"}]})")
                     .get<ExecuteCommandParams>();
  CHECK(command.command == "perfhint.fixAll");
  CHECK(command.arguments == std::vector<json>{json{{"uri", "u"}}});
  CHECK(json::parse(R"({"command":"c"})").get<ExecuteCommandParams>().arguments.empty());
  CHECK(readError<ExecuteCommandParams>(json::parse(R"({"command":"c","arguments":{}})")) ==
        "arguments: expected an array");

  ApplyWorkspaceEditParams apply{"Fix all", WorkspaceEdit{}};
  CHECK(json(apply) == json::parse(R"({"label":"Fix all","edit":{"changes":{}}})"));
  auto result =
      json::parse(R"({"applied":false,"failureReason":"busy"})").get<ApplyWorkspaceEditResult>();
  CHECK_FALSE(result.applied);
  CHECK(result.failureReason == "busy");
  CHECK(readError<ApplyWorkspaceEditResult>(json::parse(R"({"applied":1})")) ==
        "applied: expected a boolean");
}

TEST_CASE("initialize params from a full client") {
  auto params = json::parse(R"({
      "processId": 1234,
      "clientInfo": {"name": "Visual Studio Code", "version": "1.90.0"},
      "rootUri": "file:///home/user/project",
      "capabilities": {
        "general": {"positionEncodings": ["utf-16", 8, "utf-8"]},
        "textDocument": {
          "publishDiagnostics": {"versionSupport": true, "codeDescriptionSupport": true,
                                 "dataSupport": true},
          "diagnostic": {"dynamicRegistration": true},
          "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": []}},
                         "isPreferredSupport": true, "dataSupport": true,
                         "resolveSupport": {"properties": ["edit"]}},
          "hover": {"contentFormat": ["markdown", "plaintext", "html"]}
        },
        "workspace": {"configuration": true, "applyEdit": true,
                      "didChangeConfiguration": {"dynamicRegistration": true}},
        "window": {"workDoneProgress": true}
      },
      "initializationOptions": {"select": ["PH7"]},
      "trace": "messages",
      "workspaceFolders": [{"uri": "file:///home/user/project", "name": "project"}]
  })")
                    .get<InitializeParams>();
  CHECK(params.processId == 1234);
  REQUIRE(params.clientInfo);
  CHECK(params.clientInfo->version == "1.90.0");
  CHECK(params.rootUri == "file:///home/user/project");
  const ClientCapabilities& capabilities = params.capabilities;
  CHECK(capabilities.positionEncodings == std::vector<std::string>{"utf-16", "utf-8"});
  CHECK(capabilities.publishDiagnostics);
  CHECK(capabilities.diagnosticVersionSupport);
  CHECK(capabilities.diagnosticCodeDescriptionSupport);
  CHECK(capabilities.diagnosticDataSupport);
  CHECK(capabilities.pullDiagnostics);
  CHECK(capabilities.codeActionLiteralSupport);
  CHECK(capabilities.codeActionIsPreferredSupport);
  CHECK(capabilities.codeActionDataSupport);
  CHECK(capabilities.codeActionResolveProperties == std::vector<std::string>{"edit"});
  CHECK(capabilities.hoverContentFormat ==
        std::vector<MarkupKind>{MarkupKind::Markdown, MarkupKind::PlainText});
  CHECK(capabilities.workspaceConfiguration);
  CHECK(capabilities.workspaceApplyEdit);
  CHECK(capabilities.didChangeConfigurationDynamicRegistration);
  CHECK(capabilities.workDoneProgress);
  CHECK(capabilities.raw["window"]["workDoneProgress"] == true);
  CHECK(params.initializationOptions == json{{"select", {"PH7"}}});
  CHECK(params.trace == TraceValue::Messages);
  REQUIRE(params.workspaceFolders);
  CHECK(params.workspaceFolders->at(0).name == "project");
}

TEST_CASE("initialize params from a minimal or odd client") {
  auto minimal =
      json::parse(R"({"processId":null,"rootUri":null,"capabilities":{}})").get<InitializeParams>();
  CHECK_FALSE(minimal.processId);
  CHECK_FALSE(minimal.rootUri);
  CHECK(minimal.capabilities.positionEncodings.empty());
  CHECK_FALSE(minimal.capabilities.publishDiagnostics);
  CHECK_FALSE(minimal.capabilities.pullDiagnostics);
  CHECK_FALSE(minimal.capabilities.workspaceConfiguration);
  CHECK(minimal.initializationOptions.is_null());
  CHECK_FALSE(minimal.trace);
  CHECK_FALSE(minimal.workspaceFolders);

  // Capabilities of unexpected shapes count as absent; an unknown trace value is ignored.
  auto odd = json::parse(R"({"capabilities":{"general":{"positionEncodings":"utf-8"},
      "textDocument":{"publishDiagnostics":true,"diagnostic":[],"codeAction":{"resolveSupport":1}},
      "workspace":{"configuration":"yes"}},"trace":"compact","workspaceFolders":null})")
                 .get<InitializeParams>();
  CHECK(odd.capabilities.positionEncodings.empty());
  CHECK_FALSE(odd.capabilities.publishDiagnostics);
  CHECK_FALSE(odd.capabilities.pullDiagnostics);
  CHECK(odd.capabilities.codeActionResolveProperties.empty());
  CHECK_FALSE(odd.capabilities.workspaceConfiguration);
  CHECK_FALSE(odd.trace);
  CHECK_FALSE(odd.workspaceFolders);

  CHECK(readError<InitializeParams>(json::parse(R"({"processId":1})")) == "capabilities: missing");
  CHECK(readError<InitializeParams>(json::parse(R"({"capabilities":[]})")) ==
        "capabilities: expected an object");
  CHECK(readError<InitializeParams>(json::parse(R"({"processId":"1","capabilities":{}})")) ==
        "processId: expected an integer");
  CHECK(readError<InitializeParams>(
            json::parse(R"({"capabilities":{},"workspaceFolders":[{"uri":"u"}]})")) ==
        "workspaceFolders[0].name: missing");
}

TEST_CASE("initialize result, messages, trace, cancel and configuration") {
  InitializeResult result{{{"positionEncoding", "utf-8"}}, ServerInfo{"perfhint", "0.1.0"}};
  CHECK(json(result) == json::parse(R"({"capabilities":{"positionEncoding":"utf-8"},
      "serverInfo":{"name":"perfhint","version":"0.1.0"}})"));
  CHECK(json(InitializeResult{}) == json::parse(R"({"capabilities":{}})"));

  CHECK(json(LogMessageParams{MessageType::Warning, "w"}) ==
        json::parse(R"({"type":2,"message":"w"})"));
  ShowMessageParams show{MessageType::Error, "e"};
  CHECK(json(show)["type"] == 1);

  CHECK(json::parse(R"({"value":"verbose"})").get<SetTraceParams>().value == TraceValue::Verbose);
  CHECK(readError<SetTraceParams>(json::parse(R"({"value":"loud"})")) ==
        R"(value: expected "off", "messages" or "verbose")");
  CHECK(json(TraceValue::Off) == "off");

  CHECK(json::parse(R"({"id":4})").get<CancelParams>().id == 4);
  CHECK(json::parse(R"({"id":"r4"})").get<CancelParams>().id == "r4");
  CHECK(readError<CancelParams>(json::parse(R"({"id":4.5})")) ==
        "id: expected an integer or a string");
  CHECK(readError<CancelParams>(json::parse("{}")) == "id: missing");

  CHECK(json::parse(R"({"settings":{"perfhint":{"select":[]}}})")
            .get<DidChangeConfigurationParams>()
            .settings == json{{"perfhint", {{"select", json::array()}}}});
  ConfigurationParams configuration{
      {ConfigurationItem{"file:///home/user/project", "perfhint"}, ConfigurationItem{}}};
  CHECK(json(configuration) ==
        json::parse(
            R"({"items":[{"scopeUri":"file:///home/user/project","section":"perfhint"},{}]})"));
}

TEST_CASE("locations, text edits and document items round-trip") {
  Location location{"file:///a.py", {{0, 1}, {0, 2}}};
  CHECK(json(location).get<Location>() == location);
  TextEdit edit{{{1, 0}, {1, 0}}, "import re\n"};
  CHECK(json(edit).get<TextEdit>() == edit);
  TextDocumentItem item{"u", "python", 1, "x"};
  CHECK(json(item) == json::parse(R"({"uri":"u","languageId":"python","version":1,"text":"x"})"));
  TextDocumentContentChangeEvent change{Range{{0, 0}, {0, 1}}, "y"};
  CHECK(json(change).get<TextDocumentContentChangeEvent>().range == change.range);
}

TEST_CASE("workspace/diagnostic params, folder changes and progress cancellation") {
  auto params = json::parse(R"({"previousResultIds": [{"uri": "file:///w/a.py", "value": "7"}],
                                "workDoneToken": "w1", "partialResultToken": 3})")
                    .get<WorkspaceDiagnosticParams>();
  REQUIRE(params.previousResultIds.size() == 1);
  CHECK(params.previousResultIds[0].uri == "file:///w/a.py");
  CHECK(params.previousResultIds[0].value == "7");
  CHECK(params.workDoneToken == "w1");
  CHECK(params.partialResultToken == 3);
  auto plain = json::parse(R"({"previousResultIds": []})").get<WorkspaceDiagnosticParams>();
  CHECK(plain.workDoneToken.is_null());
  CHECK(plain.partialResultToken.is_null());
  CHECK(readError<WorkspaceDiagnosticParams>(json::object()) == "previousResultIds: missing");
  CHECK(readError<WorkspaceDiagnosticParams>(
            json::parse(R"({"previousResultIds": [], "workDoneToken": true})")) ==
        "workDoneToken: expected an integer or a string");

  auto change = json::parse(R"({"event": {"added": [{"uri": "file:///b", "name": "b"}],
                                          "removed": []}})")
                    .get<DidChangeWorkspaceFoldersParams>();
  REQUIRE(change.event.added.size() == 1);
  CHECK(change.event.added[0].name == "b");
  CHECK(readError<DidChangeWorkspaceFoldersParams>(json::parse(R"({"event": {"added": []}})")) ==
        "event.removed: missing");

  CHECK(json::parse(R"({"token": 5})").get<WorkDoneProgressCancelParams>().token == 5);
  CHECK(readError<WorkDoneProgressCancelParams>(json::object()) == "token: missing");
}

TEST_CASE("workspace document reports carry the uri and a version, null when not open") {
  WorkspaceDocumentDiagnosticReport full{"file:///w/a.py", std::nullopt, "ab-1", false, {}};
  CHECK(json(full) == json::parse(R"({"kind": "full", "resultId": "ab-1", "uri": "file:///w/a.py",
                                      "version": null, "items": []})"));
  WorkspaceDocumentDiagnosticReport unchanged{"file:///w/b.py", 4, "9", true, {}};
  CHECK(json(unchanged) == json::parse(R"({"kind": "unchanged", "resultId": "9",
                                           "uri": "file:///w/b.py", "version": 4})"));
}
