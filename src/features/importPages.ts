import * as vscode from 'vscode';
import type { PageImportResult } from '../core/import';
import { Commands } from './present/commandIds';
import type { Services } from './services';

/**
 * "Import Web Pages…": saved pages become Markdown articles beside the others. From the explorer's
 * context menu it imports the pages selected there into their own folder; from the palette it asks
 * for the pages, and imports them into the workspace folder (asking which when there are several).
 */
export function registerImportPages(services: Services): vscode.Disposable {
  const { log } = services;
  return vscode.commands.registerCommand(Commands.importPages, async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
    // Readability and its DOM load on first use, not when the extension starts.
    const { importPages, isWebPageName } = await import('../core/import');
    const chosen = selected?.length ? selected : clicked instanceof vscode.Uri ? [clicked] : await askForPages();
    const pages = (chosen ?? []).filter((u) => isWebPageName(u.path));
    if (pages.length === 0) return;
    const folder = clicked instanceof vscode.Uri ? vscode.Uri.joinPath(clicked, '..') : await askForFolder();
    if (!folder) return;
    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Crosswire: importing web pages' },
      () => importInto(importPages, pages, folder),
    );
    await report(results, folder, log);
  });
}

async function askForPages(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Import',
    title: 'Saved web pages to import as articles',
    filters: { 'Web pages': ['html', 'htm'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
}

async function askForFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) {
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to write the articles to' }))?.uri;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Write articles here' });
  return picked?.[0];
}

function importInto(
  importPages: typeof import('../core/import').importPages,
  pages: readonly vscode.Uri[],
  folder: vscode.Uri,
): Promise<PageImportResult[]> {
  const byKey = new Map(pages.map((u) => [u.toString(), u]));
  return importPages(
    [...byKey.keys()],
    {
      read: async (key) => {
        try {
          return await vscode.workspace.fs.readFile(byKey.get(key)!);
        } catch (e) {
          return { error: `cannot be read (${(e as Error).message})` };
        }
      },
      create: async (name, text) => {
        const target = vscode.Uri.joinPath(folder, name);
        try {
          await vscode.workspace.fs.stat(target);
          return 'exists';
        } catch {
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
          return 'created';
        }
      },
    },
    (key) => byKey.get(key)!.path.split('/').pop() ?? 'page',
  );
}

async function report(results: readonly PageImportResult[], folder: vscode.Uri, log: Services['log']): Promise<void> {
  const written: vscode.Uri[] = [];
  const name = (key: string): string => vscode.Uri.parse(key).path.split('/').pop() ?? key;
  for (const r of results) {
    if (r.ok) {
      written.push(vscode.Uri.joinPath(folder, r.file));
      log.info(`Imported ${name(r.source)} as ${r.file}`);
    } else log.warn(`Not imported: ${name(r.source)}: ${r.message}`);
  }
  const failed = results.filter((r): r is Extract<PageImportResult, { ok: false }> => !r.ok);
  if (failed.length > 0) {
    const first = failed[0]!;
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more; see the log)` : '';
    void vscode.window.showWarningMessage(`${name(first.source)} was not imported: ${first.message}${more}.`);
  }
  if (written.length === 0) return;
  const open = 'Open';
  const answer = await vscode.window.showInformationMessage(
    `Imported ${written.length} web page${written.length === 1 ? '' : 's'} as article${written.length === 1 ? '' : 's'}.`,
    open,
  );
  if (answer === open) await vscode.window.showTextDocument(written[0]!);
}
