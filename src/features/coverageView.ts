import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { showHint } from './hint';
import { coverage, coverageCsv } from '../core/coverage';
import { Commands } from './present/commandIds';
import { coverageViewModel, MAX_COVERAGE_ROWS } from './present/coverageModel';
import type { Services } from './services';

/** Wait after the last change before the table is drawn again. */
const REFRESH_DELAY_MS = 500;

/**
 * The Coverage view: one row per statement, one column per article, each cell saying whether the
 * article carries the statement in full, cut down, reworded or not at all, and whom it names. A
 * webview, because no tree can show a table; it follows the theme, is driven by the keyboard, runs
 * only its own script under a strict content security policy, sets article text as text, and
 * redraws as the index changes. It exports the whole table as CSV.
 */
export function registerCoverageView(services: Services): vscode.Disposable {
  const { context, corpus, articles, log } = services;
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media', 'coverage');
  let panel: vscode.WebviewPanel | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (): void => {
    timer = undefined;
    if (!panel?.visible) return;
    const started = performance.now();
    const model = coverageViewModel(coverage(corpus, MAX_COVERAGE_ROWS));
    void panel.webview.postMessage({ type: 'model', model });
    log.info(`coverage view: ${model.totalRows} statements in ${model.totalColumns} articles in ${(performance.now() - started).toFixed(0)} ms`);
  };
  const schedule = (): void => {
    if (!panel) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(post, REFRESH_DELAY_MS);
  };

  const exportCsv = async (): Promise<void> => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export Coverage as CSV',
      filters: { CSV: ['csv'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'coverage.csv') } : {}),
    });
    if (!target) return;
    // Only ever a new table: never an article, whatever name is typed.
    if (!/\.csv$/i.test(target.path) || articles.isArticle(target)) {
      void vscode.window.showErrorMessage('Choose a file name ending in .csv: Crosswire never writes over an article.');
      return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(coverageCsv(coverage(corpus))));
    showHint(`Coverage saved to ${vscode.workspace.asRelativePath(target)}`, 'check');
  };

  const show = (): void => {
    if (panel) {
      panel.reveal();
      return;
    }
    panel = vscode.window.createWebviewPanel('crosswire.coverage', 'Coverage', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [mediaRoot],
    });
    panel.webview.html = html(panel.webview, mediaRoot);
    panel.webview.onDidReceiveMessage((m: { type?: unknown; quoteId?: unknown }) => {
      if (m.type === 'ready') post();
      else if (m.type === 'export') void exportCsv();
      else if (m.type === 'open' && typeof m.quoteId === 'string') void vscode.commands.executeCommand(Commands.openQuote, m.quoteId);
    });
    panel.onDidChangeViewState(() => panel?.visible && schedule());
    panel.onDidDispose(() => {
      panel = undefined;
      if (timer) clearTimeout(timer);
    });
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showCoverage, show),
    vscode.commands.registerCommand(Commands.exportCoverage, exportCsv),
    articles.onDidChangeCorpus(schedule),
    { dispose: () => panel?.dispose() },
  );
}

function html(webview: vscode.Webview, root: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'coverage.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'coverage.css'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Coverage</title>
</head>
<body>
<main id="root" aria-live="polite"><p>Working out which article carries which statement…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
