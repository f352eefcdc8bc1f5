import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/corpus';
import { corpusKey, toRange } from './convert';
import type { Services } from './services';
import { HIGHLIGHT_KINDS, spansByKind, type HighlightKind } from './highlightSpans';
import type { QuoteStyle } from './settings';
import { ThemeColors } from './themeColors';


const color = (id: keyof typeof ThemeColors): vscode.ThemeColor => new vscode.ThemeColor(ThemeColors[id]);

function createTypes(quoteStyle: QuoteStyle): Record<HighlightKind, vscode.TextEditorDecorationType> {
  const mention = (id: 'personBackground' | 'placeBackground' | 'organizationBackground'): vscode.TextEditorDecorationType =>
    vscode.window.createTextEditorDecorationType({
      backgroundColor: color(id),
      borderRadius: '2px',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  const statementLook: vscode.DecorationRenderOptions =
    quoteStyle === 'underline'
      ? { borderWidth: '0 0 1px 0', borderStyle: 'solid', borderColor: color('statementBorder') }
      : { backgroundColor: color('statementBackground') };
  return {
    person: mention('personBackground'),
    place: mention('placeBackground'),
    organization: mention('organizationBackground'),
    statement: vscode.window.createTextEditorDecorationType({
      ...statementLook,
      overviewRulerColor: color('statementOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    term: vscode.window.createTextEditorDecorationType({
      borderWidth: '0 0 1px 0',
      borderStyle: 'dotted',
      borderColor: color('termBorder'),
      overviewRulerColor: color('termOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    speaker: vscode.window.createTextEditorDecorationType({
      borderWidth: '0 0 2px 0',
      borderStyle: 'solid',
      borderColor: color('speakerBorder'),
      fontWeight: 'bold',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  };
}

/**
 * Highlights people, places, organisations, statements, terms and speakers in visible article editors.
 * Redraws at once on editor switch, and after the short edit debounce of the corpus sync on typing.
 */
export function registerDecorations(services: Services): vscode.Disposable {
  const { articles, settings } = services;
  let types = createTypes(settings.value.highlight.quoteStyle);
  /** Per open document, per editor: the analysis and settings epoch last drawn, to skip identical redraws. */
  const painted = new Map<string, WeakMap<vscode.TextEditor, { analysis: DocumentAnalysis | undefined; epoch: number }>>();
  let epoch = 0;

  const paint = (editor: vscode.TextEditor): void => {
    const key = corpusKey(editor.document.uri);
    const analysis = articles.analyse(editor.document);
    let perEditor = painted.get(key);
    if (!perEditor) painted.set(key, (perEditor = new WeakMap()));
    const last = perEditor.get(editor);
    if (last && last.analysis === analysis && last.epoch === epoch) return;
    perEditor.set(editor, { analysis, epoch });
    const spans = analysis ? spansByKind(analysis, settings.value.highlight) : undefined;
    for (const kind of HIGHLIGHT_KINDS) {
      editor.setDecorations(types[kind], spans ? spans[kind].map((s) => toRange(editor.document, s)) : []);
    }
  };
  const paintAll = (): void => vscode.window.visibleTextEditors.forEach(paint);

  // The first analysis loads the language models: keep it out of activation.
  const initial = setTimeout(paintAll, 0);
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(initial) },
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(paint)),
    articles.onDidChangeCorpus((uris) => {
      const changed = new Set(uris);
      for (const editor of vscode.window.visibleTextEditors) {
        if (changed.has(corpusKey(editor.document.uri))) paint(editor);
      }
    }),
    settings.onDidChange(({ previous, current }) => {
      epoch++;
      if (previous.highlight.quoteStyle !== current.highlight.quoteStyle) {
        for (const t of Object.values(types)) t.dispose();
        types = createTypes(current.highlight.quoteStyle);
      }
      paintAll();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => painted.delete(corpusKey(d.uri))),
    { dispose: () => Object.values(types).forEach((t) => t.dispose()) },
  );
}
