import * as vscode from 'vscode';
import { uriOfKey } from './convert';
import { Commands, Views } from './present/commandIds';
import { commandLink, escapeMarkdown } from './present/markdown';
import { statusView, type StatusAction } from './present/statusModel';
import { coalesce } from './present/viewSupport';
import type { Services } from './services';

/** The command that shows Crosswire's side bar, its Entities and Quotes views. */
const SHOW_VIEWS = `workbench.view.extension.${Views.container}`;

const COMMAND_OF: Record<StatusAction, string> = {
  enable: Commands.enableInWorkspace,
  showLog: Commands.showLog,
  showHighlights: Commands.toggleHighlights,
  showViews: SHOW_VIEWS,
};

/** How often, at most, the article count follows the corpus while documents come and go. */
const COUNT_DELAY_MS = 500;

/**
 * Crosswire's one status bar item, always there: off in this workspace, indexing (the same words as
 * the views), highlights hidden, files skipped, or how many articles are indexed. A click does what
 * the state calls for (enable, show the highlights, open the log, show the views); its tooltip offers
 * the log, the views, Reindex and Toggle Highlights whatever the state.
 */
export function registerStatusItem(services: Services): vscode.Disposable {
  const { articles, corpus, settings } = services;
  const item = vscode.window.createStatusBarItem('crosswire.status', vscode.StatusBarAlignment.Left, 11);
  item.name = 'Crosswire';

  const update = (): void => {
    // Until it is known whether Crosswire is on here (the folders are being looked at), nothing to say.
    if (articles.deciding) {
      item.hide();
      return;
    }
    const view = statusView({
      enabled: articles.enabled,
      ...(articles.offReason ? { offReason: articles.offReason } : {}),
      index: articles.state,
      articles: corpus.uris().length,
      highlights: settings.value.highlight.enabled ? 'shown' : settings.hiddenHere ? 'hiddenHere' : 'offInSettings',
      skipped: articles.skipped.size,
      shortened: articles.shortened.size,
    });
    item.text = view.text;
    item.command = COMMAND_OF[view.action];
    item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = { enabledCommands: [...Object.values(COMMAND_OF), Commands.reindex] };
    tooltip.appendMarkdown(view.tooltip.map(escapeMarkdown).join('\n\n'));
    const left = [...articles.skipped, ...articles.shortened];
    if (left.length > 0) {
      const lines = left.slice(0, 10).map(([key, reason]) => `- ${escapeMarkdown(`${vscode.workspace.asRelativePath(uriOfKey(key))}: ${reason}`)}`);
      if (left.length > 10) lines.push(`- …and ${left.length - 10} more`);
      tooltip.appendMarkdown(`\n\n${lines.join('\n')}`);
    }
    const links = [
      commandLink('Show Views', SHOW_VIEWS, []),
      commandLink('Show Log', Commands.showLog, []),
      ...(articles.enabled ? [commandLink('Reindex', Commands.reindex, []), commandLink('Toggle Highlights', Commands.toggleHighlights, [])] : []),
    ];
    tooltip.appendMarkdown(`\n\n---\n\n${links.join(' · ')}`);
    item.tooltip = tooltip;
    // Read out as sentences: without it, a screen reader reads the icon's name and the tooltip's Markdown.
    item.accessibilityInformation = { label: [view.text.replace(/\$\([^)]*\)\s*/g, ''), ...view.tooltip].join('. ').replace(/\.\./g, '.') };
    item.show();
  };
  const later = coalesce(update, COUNT_DELAY_MS);
  update();
  return vscode.Disposable.from(
    item,
    later,
    articles.onDidChangeIndexState(update),
    articles.onDidChangeSkipped(update),
    articles.onDidChangeEnabled(update),
    articles.onDidChangeCorpus(() => later.schedule()),
    settings.onDidChange(update),
  );
}
