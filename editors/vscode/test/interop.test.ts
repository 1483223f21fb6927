// Drives the real `perfhint server` with the protocol library VS Code's client is built on
// (vscode-languageserver-protocol over vscode-jsonrpc), declaring the capabilities VS Code
// declares that matter here: pulled diagnostics with refresh, code action resolve, applyEdit,
// workspace/configuration and UTF-16 positions. Every reply is compared exactly (the long hover
// text by its start).
//
// Environment: PERFHINT_BINARY (the executable), PERFHINT_SAMPLE (tests/editors/sample.py).
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  ShutdownRequest,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

import { parseRuleListing } from '../src/ruleListing';

const binary = process.env.PERFHINT_BINARY ?? '';
const samplePath = process.env.PERFHINT_SAMPLE ?? '';
const stepTimeoutMs = 15000;
// Only these rules, so rules added later do not change the expected replies.
const settings = {
  select: ['PH101', 'PH701'],
  ignore: [],
  severity: {},
  debounceMs: 0,
  unsafeFixes: false,
};

const sample = fs.readFileSync(samplePath, 'utf8');
const uri = pathToFileURL(samplePath).href;

let server: ChildProcess;
let connection: ProtocolConnection;
let stderr = '';
const configurationRequests: unknown[] = [];
const appliedEdits: { label: string | undefined; edit: WorkspaceEdit }[] = [];

/** Fails with the step's name instead of hanging when the server does not answer. */
function within<T>(step: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `timed out after ${stepTimeoutMs} ms waiting for ${step}; server stderr:\n${stderr}`,
          ),
        ),
      stepTimeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let current = 0; current < line; ++current) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** Applies LSP edits (UTF-16 positions, as JavaScript strings index) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) =>
      offsetAt(text, b.range.start.line, b.range.start.character) -
      offsetAt(text, a.range.start.line, a.range.start.character),
  );
  let result = text;
  for (const edit of sorted) {
    const start = offsetAt(text, edit.range.start.line, edit.range.start.character);
    const end = offsetAt(text, edit.range.end.line, edit.range.end.character);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}

function editsFor(edit: WorkspaceEdit | undefined): TextEdit[] {
  assert.ok(edit?.changes, 'expected a workspace edit with changes');
  assert.deepEqual(Object.keys(edit.changes), [uri]);
  return edit.changes[uri];
}

const ph701Range = { start: { line: 11, character: 21 }, end: { line: 11, character: 46 } };
const ph101Range = { start: { line: 17, character: 8 }, end: { line: 17, character: 28 } };
const ph701Message = 'Membership test against a list of constants; use a set literal';
const ph101Message = '`result` is built by `.append` in a loop; use a list comprehension';

const squaresFixed = sample.replace(
  '    result = []\n    for n in numbers:\n        result.append(n * n)\n',
  '    result = [n * n for n in numbers]\n',
);
const allFixed = squaresFixed.replace('["a", "e", "i", "o", "u"]', '{"a", "e", "i", "o", "u"}');

before(() => {
  assert.ok(
    binary && fs.existsSync(binary),
    `PERFHINT_BINARY must name the perfhint executable (got "${binary}")`,
  );
  server = spawn(binary, ['server'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  connection = createProtocolConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  connection.onRequest(ConfigurationRequest.type, (params) => {
    configurationRequests.push(params);
    return params.items.map(() => settings);
  });
  connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    appliedEdits.push({ label: params.label, edit: params.edit });
    return { applied: true };
  });
  connection.listen();
});

after(() => {
  connection?.dispose();
  if (server && server.exitCode === null) server.kill();
});

test('initialize announces what VS Code uses', async () => {
  const result: InitializeResult = await within(
    'the initialize reply',
    connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      initializationOptions: settings,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        workspace: {
          configuration: true,
          applyEdit: true,
          didChangeConfiguration: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: true },
          diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            isPreferredSupport: true,
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] },
            },
          },
        },
      },
    }),
  );
  assert.deepEqual(result.capabilities, {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
    notebookDocumentSync: {
      notebookSelector: [
        { notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] },
      ],
      save: false,
    },
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: true,
    codeActionProvider: {
      codeActionKinds: ['quickfix', 'source.fixAll.perfhint'],
      resolveProvider: true,
    },
    diagnosticProvider: {
      identifier: 'perfhint',
      interFileDependencies: false,
      workspaceDiagnostics: true,
    },
    executeCommandProvider: {
      commands: ['perfhint.applyAllFixes', 'perfhint.loadProfile', 'perfhint.showProfile'],
    },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  });
  assert.equal(result.serverInfo?.name, 'perfhint');
});

test('initialized makes the server ask for the perfhint section', async () => {
  await connection.sendNotification(InitializedNotification.type, {});
  await within(
    'workspace/configuration',
    (async () => {
      while (configurationRequests.length === 0)
        await new Promise((resolve) => setTimeout(resolve, 10));
    })(),
  );
  assert.deepEqual(configurationRequests, [{ items: [{ section: 'perfhint' }] }]);
});

test('pulled diagnostics of the sample file', async () => {
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'python', version: 1, text: sample },
  });
  const report = await within(
    'textDocument/diagnostic',
    connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
  );
  assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
  assert.ok(report.kind === DocumentDiagnosticReportKind.Full);
  const items = report.items.map(({ data, codeDescription, ...rest }) => {
    assert.ok(data !== undefined, 'each diagnostic carries its fix in data');
    assert.match(codeDescription?.href ?? '', /rules\.md#ph\d{3}-[a-z-]+$/);
    return rest;
  });
  assert.deepEqual(items, [
    { range: ph701Range, severity: 3, code: 'PH701', source: 'perfhint', message: ph701Message },
    { range: ph101Range, severity: 4, code: 'PH101', source: 'perfhint', message: ph101Message },
  ]);
});

test('hover on a finding explains the rule', async () => {
  const hover = await within(
    'textDocument/hover',
    connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 17, character: 12 },
    }),
  );
  assert.ok(hover);
  assert.deepEqual(hover.range, ph101Range);
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  assert.ok(
    contents.value.startsWith(
      `**PH101 append-in-loop**: ${ph101Message}\n\n` +
        'This runs on every iteration of the loop around it.\n\n**Why it is slow.**',
    ),
    `unexpected hover text:\n${contents.value}`,
  );
});

test('code actions on the PH701 finding, and resolving "Ignore" into a noqa edit', async () => {
  const report = await connection.sendRequest(DocumentDiagnosticRequest.type, {
    textDocument: { uri },
  });
  assert.ok(report.kind === DocumentDiagnosticReportKind.Full);
  const ph701 = report.items.filter((item) => item.code === 'PH701');
  const actions = (await within(
    'textDocument/codeAction',
    connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 11, character: 30 }, end: { line: 11, character: 30 } },
      context: { diagnostics: ph701, triggerKind: 1 },
    }),
  )) as CodeAction[];
  assert.deepEqual(
    actions.map((action) => [
      action.title,
      action.kind,
      action.isPreferred ?? false,
      action.edit !== undefined,
    ]),
    [
      ['Use a set literal (PH701, unsafe)', 'quickfix', false, true],
      ['Ignore PH701 on this line', 'quickfix', false, false],
      ['perfhint: Fix all', 'source.fixAll.perfhint', false, false],
    ],
  );
  assert.equal(
    applyEdits(sample, editsFor(actions[0].edit)).split('\n')[11],
    '    seen = letter in {"a", "e", "i", "o", "u"}',
  );
  const resolved = await within(
    'codeAction/resolve',
    connection.sendRequest(CodeActionResolveRequest.type, actions[1]),
  );
  assert.equal(
    applyEdits(sample, editsFor(resolved.edit)).split('\n')[11],
    '    seen = letter in ["a", "e", "i", "o", "u"]  # noqa: PH701',
  );
});

test('source.fixAll.perfhint on save applies the safe fixes', async () => {
  const actions = (await within(
    'textDocument/codeAction (only source.fixAll.perfhint)',
    connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 22, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.perfhint'], triggerKind: 2 },
    }),
  )) as CodeAction[];
  assert.deepEqual(
    actions.map((action) => action.title),
    ['perfhint: Fix all'],
  );
  const resolved = await within(
    'codeAction/resolve (fix all)',
    connection.sendRequest(CodeActionResolveRequest.type, actions[0]),
  );
  assert.equal(applyEdits(sample, editsFor(resolved.edit)), squaresFixed);
});

test('a settings change applies at once: unsafe fixes join fix-all, severity changes', async () => {
  await connection.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { perfhint: { ...settings, unsafeFixes: true, severity: { PH701: 'error' } } },
  });
  const report = await within(
    'textDocument/diagnostic after the settings change',
    connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
  );
  assert.ok(report.kind === DocumentDiagnosticReportKind.Full);
  assert.deepEqual(
    report.items.map((item) => [item.code, item.severity]),
    [
      ['PH701', 1],
      ['PH101', 4],
    ],
  );

  const result: unknown = await within(
    'workspace/executeCommand perfhint.applyAllFixes',
    connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'perfhint.applyAllFixes',
      arguments: [uri],
    }),
  );
  assert.equal(result, null);
  await within(
    'workspace/applyEdit',
    (async () => {
      while (appliedEdits.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    })(),
  );
  assert.equal(appliedEdits.length, 1);
  assert.equal(appliedEdits[0].label, 'perfhint: Fix all');
  const fixed = applyEdits(sample, editsFor(appliedEdits[0].edit));
  assert.equal(fixed, allFixed);

  // The editor applies the edit and sends the new text; nothing is left to report.
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: fixed }],
  });
  const after = await within(
    'textDocument/diagnostic after fixing',
    connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
  );
  assert.ok(after.kind === DocumentDiagnosticReportKind.Full);
  assert.deepEqual(after.items, []);
});

test('shutdown and exit end the server with status 0', async () => {
  const exited = new Promise<number | null>((resolve) =>
    server.on('exit', (code) => resolve(code)),
  );
  assert.equal(
    await within('the shutdown reply', connection.sendRequest(ShutdownRequest.type)),
    null,
  );
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await within('the server to exit', exited), 0);
});

test('"Show rule documentation" reads the rule list and a rule\'s Markdown from the binary', () => {
  const codes = parseRuleListing(execFileSync(binary, ['rule', '--all'], { encoding: 'utf8' })).map(
    (item) => item.label,
  );
  assert.ok(codes.includes('PH101') && codes.includes('PH701'), `rule list: ${codes.join(' ')}`);
  const documentation = execFileSync(binary, ['rule', 'PH101'], { encoding: 'utf8' });
  assert.ok(documentation.startsWith('## PH101 append-in-loop\n'), documentation.slice(0, 200));
});
