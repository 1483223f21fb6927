// "perfhint: Show rule documentation": picks a rule (the argument, a perfhint diagnostic under
// the cursor, or a choice from every rule) and shows `perfhint rule CODE` (Markdown) in the
// Markdown preview, from a read-only virtual document.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';

import { parseRuleListing } from './ruleListing';

export const ruleDocumentationScheme = 'perfhint-rule';

function runPerfhint(binary: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout);
    });
  });
}

/** Serves perfhint-rule:PH201.md documents by asking the binary for the rule's documentation. */
export class RuleDocumentationProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly binary: () => string | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const binary = this.binary();
    if (!binary) return '# perfhint\n\nNo perfhint executable was found.\n';
    const code = uri.path.replace(/\.md$/, '');
    return runPerfhint(binary, ['rule', code]);
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && typeof code.value === 'string') return code.value;
  return undefined;
}

/** The codes of perfhint's diagnostics under the cursor of the active editor. */
function codesUnderCursor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const position = editor.selection.active;
  return vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((diagnostic) => diagnostic.source === 'perfhint' && diagnostic.range.contains(position))
    .map(codeOf)
    .filter((code): code is string => code !== undefined);
}

async function pickRule(binary: string): Promise<string | undefined> {
  const items = parseRuleListing(await runPerfhint(binary, ['rule', '--all']));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: 'perfhint rule to document',
    matchOnDescription: true,
  });
  return picked?.label;
}

export async function showRuleDocumentation(
  binary: string | undefined,
  requestedCode?: unknown,
): Promise<void> {
  if (!binary) {
    void vscode.window.showErrorMessage('perfhint: no perfhint executable was found.');
    return;
  }
  let code = typeof requestedCode === 'string' ? requestedCode : undefined;
  if (!code) {
    const underCursor = [...new Set(codesUnderCursor())];
    code =
      underCursor.length === 1
        ? underCursor[0]
        : underCursor.length > 1
          ? await vscode.window.showQuickPick(underCursor, { placeHolder: 'perfhint rule' })
          : await pickRule(binary);
  }
  if (!code) return;
  const uri = vscode.Uri.from({ scheme: ruleDocumentationScheme, path: `${code}.md` });
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
