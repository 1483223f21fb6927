// The perfhint extension: starts `perfhint server` for Python files and contributes the
// commands "Fix all in file", "Show rule documentation", "Load profile…", "Restart server" and
// "Show output".
import * as vscode from 'vscode';

import {
  RuleDocumentationProvider,
  ruleDocumentationScheme,
  showRuleDocumentation,
} from './ruleDocumentation';
import { PerfhintServer } from './server';
import { StatusBar } from './statusBar';

let server: PerfhintServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('perfhint', { log: true });
  const status = new StatusBar();
  const perfhint = new PerfhintServer(context, output, status);
  server = perfhint;
  context.subscriptions.push(
    output,
    status,
    perfhint,
    vscode.workspace.registerTextDocumentContentProvider(
      ruleDocumentationScheme,
      new RuleDocumentationProvider(() => perfhint.binary),
    ),
    vscode.commands.registerCommand('perfhint.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== 'python') {
        void vscode.window.showInformationMessage('perfhint: open a Python file to fix.');
        return;
      }
      await perfhint.fixAll(editor.document);
    }),
    vscode.commands.registerCommand('perfhint.showRuleDocumentation', (code?: unknown) =>
      showRuleDocumentation(perfhint.binary, code),
    ),
    // Not perfhint.loadProfile: the language client registers the server's commands under their
    // own names.
    vscode.commands.registerCommand('perfhint.pickProfile', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Load profile',
        title: 'perfhint: Load profile',
        filters: {
          Profiles: ['prof', 'pstats', 'json', 'txt', 'folded', 'collapsed'],
          'All files': ['*'],
        },
      });
      if (picked?.[0]) await perfhint.loadProfile(picked[0]);
    }),
    vscode.commands.registerCommand('perfhint.restartServer', () => perfhint.restart()),
    vscode.commands.registerCommand('perfhint.showOutput', () => output.show(true)),
  );
  await perfhint.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
