import * as vscode from 'vscode';
import { Commands, ContextKeys } from './present/commandIds';
import { corpusKey, registerForArticles } from './convert';
import { plural } from '../core/text/plural';
import { DENSITY_CHOICES, kindChoices, kindUpdates, type KindKey } from './present/highlightChoices';
import type { Services } from './services';

/** Commands about the extension itself: reindex, toggle highlights, show the log. */
export function registerWorkbenchCommands(services: Services): vscode.Disposable {
  const { articles, settings, log } = services;
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.reindex, async () => {
      await articles.reindex();
      const word = articles.enabled
        ? `$(check) Crosswire: ${plural(services.corpus.documents().length, 'article')} indexed`
        : '$(circle-slash) Crosswire is off in this workspace: nothing to index';
      void vscode.window.setStatusBarMessage(word, 5000);
    }),
    vscode.commands.registerCommand(Commands.cancelIndexing, () => articles.cancelIndexing()),
    vscode.commands.registerCommand(Commands.toggleHighlights, async () => {
      // Hidden in this workspace only; shown again here, and where the user's own setting is off, by it.
      if (settings.value.highlight.enabled) {
        await settings.hideHere(true);
        return;
      }
      if (settings.hiddenHere) await settings.hideHere(false);
      if (!settings.value.highlight.enabled) await settings.update('highlight.enabled', true);
    }),
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(Commands.chooseHighlights, async () => {
      const items = kindChoices(settings.value.highlight);
      const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Crosswire: Choose Highlights', placeHolder: 'The kinds of highlight to show' });
      if (!chosen) return;
      for (const [key, value] of kindUpdates(settings.value.highlight, chosen.map((c) => c.key as KindKey))) await settings.update(key, value);
    }),
    vscode.commands.registerCommand(Commands.chooseNameDensity, async () => {
      const current = settings.value.highlight.names;
      const items = DENSITY_CHOICES.map((c) => ({ ...c, description: c.value === current ? 'current' : undefined }));
      const chosen = await vscode.window.showQuickPick(items, { title: 'Crosswire: Which Names to Highlight', placeHolder: 'Every name keeps its card whichever you choose' });
      if (chosen && chosen.value !== current) await settings.update('highlight.names', chosen.value);
    }),
  );
}

/**
 * Keeps `crosswire.isArticle` and `crosswire.indexing` up to date for menus and key bindings, and
 * `crosswire.onQuote` and `crosswire.onName` with what is under the cursor of the active article, so
 * the editor's context menu offers a quote's commands on a quote and an entity's on a name.
 *
 * VS Code computes the context menu the moment it opens: a right click moves the cursor and opens the
 * menu at once, before the new cursor position has reached the extension and its keys have come back.
 * So the keys also follow the place where the mouse rests (as VS Code asks for a hover there), which
 * is where a right click will put the cursor; a cursor move sets them back to the cursor's place.
 */
export function registerContextKeys(services: Services): vscode.Disposable {
  const { articles, corpus, settings } = services;
  const shown = new Map<string, boolean>();
  const set = (key: string, value: boolean): void => {
    if (shown.get(key) === value) return;
    shown.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const setArticle = (editor: vscode.TextEditor | undefined): void => {
    set(ContextKeys.isArticle, !!editor && articles.isArticle(editor.document.uri));
    setCursor(editor);
  };
  const setAt = (document: vscode.TextDocument | undefined, position: vscode.Position | undefined): void => {
    const key = document && position && articles.isArticle(document.uri) ? corpusKey(document.uri) : undefined;
    const offset = key ? document!.offsetAt(position!) : 0;
    set(ContextKeys.onQuote, !!key && !!corpus.quoteAt(key, offset));
    set(ContextKeys.onName, !!key && !!corpus.mentionAt(key, offset));
  };
  const setCursor = (editor: vscode.TextEditor | undefined): void => setAt(editor?.document, editor?.selection.active);
  const setIndexing = (): void => {
    set(ContextKeys.indexing, articles.state.running);
  };
  const pointer: vscode.HoverProvider = {
    provideHover(document, position) {
      if (document === vscode.window.activeTextEditor?.document) setAt(document, position);
      return undefined;
    },
  };
  setArticle(vscode.window.activeTextEditor);
  setIndexing();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(setArticle),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) setCursor(e.textEditor);
    }),
    registerForArticles(settings, (selector) => vscode.languages.registerHoverProvider(selector, pointer)),
    // The article's analysis may come after the cursor was placed.
    articles.onDidChangeCorpus((keys) => {
      const editor = vscode.window.activeTextEditor;
      if (editor && keys.includes(corpusKey(editor.document.uri))) setCursor(editor);
    }),
    settings.onDidChange(() => setArticle(vscode.window.activeTextEditor)),
    articles.onDidChangeEnabled(() => setArticle(vscode.window.activeTextEditor)),
    articles.onDidChangeIndexState(setIndexing),
  );
}
