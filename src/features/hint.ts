import * as vscode from 'vscode';

/** How long a hint stays in the status bar. */
const HINT_MS = 5000;

/**
 * Tells the reader something that needs no answer (where to put the cursor, that there is nothing to
 * show, that a file was written) in the status bar for a few seconds. Notifications stay for what asks
 * for a decision or reports a failure: they pile up in the corner and have to be dismissed.
 */
export function showHint(message: string, icon: 'info' | 'check' = 'info'): vscode.Disposable {
  return vscode.window.setStatusBarMessage(`$(${icon}) ${message}`, HINT_MS);
}
