// The status bar item: shows whether the perfhint server is starting, running, stopped or
// missing, and opens the output when clicked.
import * as vscode from 'vscode';

export type ServerStatus =
  | { state: 'starting' }
  | { state: 'running'; binary: string }
  | { state: 'stopped' }
  | { state: 'missing'; reason: string };

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem(
      'perfhint.status',
      vscode.StatusBarAlignment.Right,
    );
    this.item.name = 'perfhint';
    this.item.command = 'perfhint.showOutput';
    this.show({ state: 'starting' });
    this.item.show();
  }

  show(status: ServerStatus): void {
    this.item.backgroundColor = undefined;
    switch (status.state) {
      case 'starting':
        this.item.text = '$(loading~spin) perfhint';
        this.item.tooltip = 'perfhint: starting the server';
        break;
      case 'running':
        this.item.text = '$(check) perfhint';
        this.item.tooltip = `perfhint: running ${status.binary}`;
        break;
      case 'stopped':
        this.item.text = '$(debug-stop) perfhint';
        this.item.tooltip = 'perfhint: the server stopped; run "perfhint: Restart server"';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'missing':
        this.item.text = '$(error) perfhint';
        this.item.tooltip = `perfhint: ${status.reason}`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
