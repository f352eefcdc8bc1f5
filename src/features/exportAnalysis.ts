/**
 * Export Analysis…: the workspace's analysis, its corrections applied, in one of the formats of
 * `crosswire export`, written through the workspace file system into `.crosswire/export/<format>` of
 * the workspace or a folder outside it — never among the articles, and never over one.
 */
import * as vscode from 'vscode';
import { showHint } from './hint';
import { plural } from '../core/text/plural';
import { EXPORT_FORMATS, exportAnalysis, exportName, FORMAT_DESCRIPTIONS, type ExportFormat } from '../core/export';
import { corpusKey, uriOfKey } from './convert';
import { Commands } from './present/commandIds';
import type { Services } from './services';

export function registerExportAnalysis(services: Services): vscode.Disposable {
  const { corpus, articles, log } = services;

  /** An article's name in the export: its path in its workspace folder, after the folder's name when there are several. */
  const nameOf = (key: string): string => {
    const uri = uriOfKey(key);
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return exportName(uri.path.split('/').pop() ?? 'article');
    const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    return exportName(folders.length > 1 ? `${folder.name}/${relative}` : relative);
  };

  /** Why a folder may not take an export, or undefined when it may. */
  const problemWith = (target: vscode.Uri): string | undefined => {
    const folder = vscode.workspace.getWorkspaceFolder(target);
    if (!folder) return undefined;
    const inner = target.path.slice(folder.uri.path.replace(/\/$/, '').length).split('/').filter(Boolean);
    if (inner.some((segment) => segment.startsWith('.'))) return undefined;
    return 'Choose a folder outside the workspace, or the workspace’s .crosswire/export: an export among the articles would be read as articles.';
  };

  /** Asks for the format and the folder; both may be given instead, as a script or a test does. */
  const run = async (given?: unknown, folder?: unknown): Promise<void> => {
    const format = typeof given === 'string' && (EXPORT_FORMATS as readonly string[]).includes(given) ? { format: given as ExportFormat } : await pickFormat();
    if (!format) return;
    const target = folder instanceof vscode.Uri ? folder : await pickFolder(format.format);
    if (!target) return;
    const problem = problemWith(target);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return;
    }
    const files = exportAnalysis(corpus, format.format, { nameOf, sourceOf: (key) => key });
    const uris = files.map((f) => vscode.Uri.joinPath(target, ...f.path.split('/')));
    if (uris.some((u) => articles.isArticle(u) && corpus.has(corpusKey(u)))) {
      void vscode.window.showErrorMessage('The export would write over an article; nothing was exported.');
      return;
    }
    for (let i = 0; i < files.length; i++) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uris[i]!, '..'));
      await vscode.workspace.fs.writeFile(uris[i]!, new TextEncoder().encode(files[i]!.content));
    }
    const shown = vscode.workspace.asRelativePath(target);
    log.info(`Exported ${files.length} files of ${format.format} to ${shown}`);
    showHint(`Exported the analysis as ${format.format} to ${shown} (${plural(files.length, 'file')})`, 'check');
  };

  return vscode.commands.registerCommand(Commands.exportAnalysis, run);
}

async function pickFormat(): Promise<{ format: ExportFormat } | undefined> {
  return vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f, description: FORMAT_DESCRIPTIONS[f], format: f })),
    { title: 'Export Analysis: format' },
  );
}

/** The workspace's `.crosswire/export/<format>`, or a folder the user chooses. */
async function pickFolder(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const workspace = vscode.workspace.workspaceFolders?.[0];
  const inside = workspace && vscode.Uri.joinPath(workspace.uri, '.crosswire', 'export', format);
  const where = await vscode.window.showQuickPick(
    [
      ...(inside ? [{ label: `.crosswire/export/${format}`, description: 'in the workspace', uri: inside as vscode.Uri | undefined }] : []),
      { label: 'Choose a folder…', description: 'outside the workspace', uri: undefined as vscode.Uri | undefined },
    ],
    { title: 'Export Analysis: where' },
  );
  if (!where) return undefined;
  return where.uri ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here' }))?.[0];
}
