import * as vscode from 'vscode';
import { folderKind, workspaceKind, type FolderEntry, type FolderKind } from '../core/folder-kind';
import { Commands, ContextKeys } from './present/commandIds';
import { decideScope, type ScopeDecision, type WorkspaceAnswer } from './present/scope';
import type { Services } from './services';

/** Where the user's answer for this workspace is kept: the workspace's own state, never its files. */
const ANSWER_KEY = 'crosswire.enabledInWorkspace';

/**
 * Whether Crosswire works in this workspace, and the ways to change it: the `crosswire.enable`
 * setting, the Enable and Disable commands (remembered for this workspace), and a question asked once
 * in a folder that looks like a code repository. While off, nothing is indexed or highlighted, and
 * Crosswire's status bar item says so.
 */
export function registerScope(services: Services): vscode.Disposable {
  const { context, articles, settings, log } = services;
  let kind: FolderKind | undefined;
  let asked = false;
  let disposed = false;

  const answer = (): WorkspaceAnswer => {
    const v = context.workspaceState.get<unknown>(ANSWER_KEY);
    return v === 'on' || v === 'off' ? v : undefined;
  };

  const apply = (decision: ScopeDecision): void => {
    if (disposed) return;
    if (decision.enabled !== articles.enabled) log.info(`Crosswire is ${decision.enabled ? 'on' : 'off'} in this workspace: ${decision.why}.`);
    // The status item says so while it is off (statusItem.ts).
    articles.setEnabled(decision.enabled, decision.why);
    void vscode.commands.executeCommand('setContext', ContextKeys.off, !decision.enabled);
    if (decision.ask && !asked) {
      asked = true;
      void ask(decision);
    }
  };

  const decide = (): void => {
    const setting = settings.value.enable;
    // Known without looking at the folders: the setting, or the answer given before.
    if (setting !== 'auto' || answer() !== undefined || kind) {
      apply(decideScope(setting, answer(), kind ?? { kind: 'articles', reason: '' }));
      return;
    }
    // Until the folders are looked at nothing is read, and nothing says Crosswire is off: an ordinary
    // folder of articles is on a moment later.
    articles.holdUntil(
      lookAtFolders().then((k) => {
        kind = k;
        decide();
      }),
    );
  };

  const ask = async (decision: ScopeDecision): Promise<void> => {
    const enable = 'Enable in This Workspace';
    const keepOff = 'Not Here';
    const choice = await vscode.window.showInformationMessage(
      `Crosswire highlights names and quotations in news articles. ${capitalise(decision.why)}, so it is off here. Use it in this workspace?`,
      enable,
      keepOff,
    );
    if (choice === enable) await setAnswer('on');
    else if (choice === keepOff) await setAnswer('off');
  };

  const setAnswer = async (value: 'on' | 'off'): Promise<void> => {
    await context.workspaceState.update(ANSWER_KEY, value);
    const setting = settings.value.enable;
    if (setting !== 'auto' && (setting === 'on') !== (value === 'on')) {
      const open = 'Open Settings';
      const choice = await vscode.window.showWarningMessage(
        `The crosswire.enable setting is "${setting}", which goes before this workspace's choice. Set it to "auto" to let each workspace choose.`,
        open,
      );
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'crosswire.enable');
    }
    decide();
  };

  decide();
  return vscode.Disposable.from(
    { dispose: () => (disposed = true) },
    vscode.commands.registerCommand(Commands.enableInWorkspace, () => setAnswer('on')),
    vscode.commands.registerCommand(Commands.disableInWorkspace, () => setAnswer('off')),
    settings.onDidChange(({ previous, current }) => {
      if (previous.enable !== current.enable) decide();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      kind = undefined;
      decide();
    }),
  );
}

/** What the workspace's folders look like, from their top-level entries. */
async function lookAtFolders(): Promise<FolderKind> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const kinds = await Promise.all(
    folders.map(async (folder) => {
      try {
        const entries = await vscode.workspace.fs.readDirectory(folder.uri);
        return folderKind(entries.map(([name, type]): FolderEntry => ({ name, directory: (type & vscode.FileType.Directory) !== 0 })));
      } catch {
        // A folder that cannot be listed holds nothing that says it is code.
        return folderKind([]);
      }
    }),
  );
  return workspaceKind(kinds);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
