// Owns the language client: finds the binary, starts `perfhint server` over stdio, keeps the
// server's settings in step with VS Code's, and restarts on request or when perfhint.path changes.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { findPerfhintBinary, isFound } from './binary';
import { serverSettings, type ServerSettings } from './settings';
import type { StatusBar } from './statusBar';

/** The server's own command behind "perfhint: Fix all in file". */
const applyAllFixesCommand = 'perfhint.applyAllFixes';
/** The server's own command behind "perfhint: Load profile…". */
const loadProfileCommand = 'perfhint.loadProfile';

/** The settings in force for `scopeUri` (a workspace folder), or the window's without one. */
function currentSettings(scopeUri?: string): ServerSettings {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const configuration = vscode.workspace.getConfiguration('perfhint', scope);
  return serverSettings((key, defaultValue) => configuration.get(key, defaultValue));
}

export class PerfhintServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private binaryPath: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly status: StatusBar,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => void this.onConfigurationChanged(event)),
    );
  }

  /** The executable in use, for commands that run it directly. */
  get binary(): string | undefined {
    return this.binaryPath;
  }

  async start(): Promise<void> {
    const found = findPerfhintBinary({
      configuredPath: vscode.workspace.getConfiguration('perfhint').get('path', ''),
      extensionPath: this.context.extensionPath,
      pathVariable: process.env.PATH,
    });
    if (!isFound(found)) {
      this.binaryPath = undefined;
      this.status.show({ state: 'missing', reason: found.reason });
      this.output.error(found.reason);
      void this.reportMissingBinary(found.reason);
      return;
    }
    this.binaryPath = found.path;
    this.output.info(`Starting ${found.path} server (found by ${found.source})`);
    this.status.show({ state: 'starting' });

    const serverOptions: ServerOptions = { command: found.path, args: ['server'] };
    const clientOptions: LanguageClientOptions = {
      // Notebook cells reach the server too once it announces notebookDocumentSync.
      documentSelector: [
        { scheme: 'file', language: 'python' },
        { scheme: 'untitled', language: 'python' },
        // Python cells of Jupyter notebooks; the server analyses a notebook's cells together.
        { notebook: 'jupyter-notebook', language: 'python' },
      ],
      initializationOptions: currentSettings(),
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: {
        workspace: {
          // The server asks for the `perfhint` section; answer with the keys it reads rather
          // than the raw section, which also holds perfhint.path and perfhint.trace.
          configuration: (params, token, next) => {
            if (params.items.every((item) => item.section === 'perfhint')) {
              return params.items.map((item) => currentSettings(item.scopeUri));
            }
            return next(params, token);
          },
        },
      },
    };
    const client = new LanguageClient('perfhint', 'perfhint', serverOptions, clientOptions);
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        this.status.show({ state: 'running', binary: found.path });
      } else if (event.newState === State.Starting) {
        this.status.show({ state: 'starting' });
      } else {
        this.status.show({ state: 'stopped' });
      }
    });
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      this.status.show({ state: 'stopped' });
      this.output.error(`perfhint server failed to start: ${String(error)}`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.dispose();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Applies every fix of the document through the server's perfhint.applyAllFixes. */
  async fixAll(document: vscode.TextDocument): Promise<void> {
    const client = this.client;
    if (!client || !client.isRunning()) {
      void vscode.window.showWarningMessage('perfhint: the server is not running.');
      return;
    }
    await client.sendRequest(ExecuteCommandRequest.type, {
      command: applyAllFixesCommand,
      arguments: [client.code2ProtocolConverter.asUri(document.uri)],
    });
  }

  /**
   * Loads a profile through the server's perfhint.loadProfile. The server reports a profile that
   * fails to load itself (window/showMessage), so the failed request is only logged here.
   */
  async loadProfile(file: vscode.Uri): Promise<void> {
    const client = this.client;
    if (!client || !client.isRunning()) {
      void vscode.window.showWarningMessage('perfhint: the server is not running.');
      return;
    }
    try {
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: loadProfileCommand,
        arguments: [file.fsPath],
      });
    } catch (error) {
      this.output.warn(`perfhint.loadProfile failed: ${String(error)}`);
    }
  }

  private async onConfigurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!event.affectsConfiguration('perfhint')) return;
    if (event.affectsConfiguration('perfhint.path')) {
      await this.restart();
      return;
    }
    // perfhint.trace.server is applied by the client itself ($/setTrace); the rest is pushed.
    const client = this.client;
    if (client?.isRunning()) {
      await client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { perfhint: currentSettings() },
      });
      // The server answers pulls with the new settings but does not ask for a refresh
      // (workspace/diagnostic/refresh), so pull again for the open documents.
      client.getFeature(DocumentDiagnosticRequest.method).refresh();
    }
  }

  private async reportMissingBinary(reason: string): Promise<void> {
    const openSettings = 'Set perfhint.path';
    const retry = 'Retry';
    const choice = await vscode.window.showErrorMessage(
      `perfhint: ${reason} Install perfhint (build it with "make" and put build/perfhint on ` +
        'PATH) or set perfhint.path to the executable, then retry.',
      openSettings,
      retry,
    );
    if (choice === openSettings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'perfhint.path');
    } else if (choice === retry) {
      await this.restart();
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    void this.stop();
  }
}
