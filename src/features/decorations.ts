import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/corpus';
import { corpusKey, toRange } from './convert';
import type { Services } from './services';
import { HIGHLIGHT_KINDS, spansByKind, type HighlightKind } from './present/highlightSpans';
import type { QuoteStyle } from './present/settings';
import { ThemeColors } from './present/themeColors';

const color = (id: keyof typeof ThemeColors): vscode.ThemeColor => new vscode.ThemeColor(ThemeColors[id]);

/** The line under (and, in high contrast, around) each kind of name: the cue that is not a colour. */
const MENTION_LINE = { person: 'solid', place: 'dashed', organization: 'dotted' } as const;

/** Decoration types created and not yet disposed. */
const liveTypes = new Set<vscode.TextEditorDecorationType>();

function createType(options: vscode.DecorationRenderOptions): vscode.TextEditorDecorationType {
  const type = vscode.window.createTextEditorDecorationType(options);
  liveTypes.add(type);
  return type;
}

function disposeTypes(types: Record<HighlightKind, vscode.TextEditorDecorationType>): void {
  for (const t of Object.values(types)) {
    liveTypes.delete(t);
    t.dispose();
  }
}

function createTypes(quoteStyle: QuoteStyle): Record<HighlightKind, vscode.TextEditorDecorationType> {
  // Each kind of name has its own underline as well as its own tint, so the three are told apart
  // without telling colours apart; high-contrast themes also outline each highlight.
  const mention = (kind: 'person' | 'place' | 'organization'): vscode.TextEditorDecorationType =>
    createType({
      backgroundColor: color(`${kind}Background`),
      borderWidth: '0 0 1px 0',
      borderStyle: MENTION_LINE[kind],
      borderColor: color(`${kind}Border`),
      outlineWidth: '1px',
      outlineStyle: MENTION_LINE[kind],
      outlineColor: color(`${kind}Outline`),
      borderRadius: '2px',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  const outline: vscode.DecorationRenderOptions = { outlineWidth: '1px', outlineStyle: 'solid', outlineColor: color('statementOutline') };
  const statementLook: vscode.DecorationRenderOptions =
    quoteStyle === 'underline'
      ? { borderWidth: '0 0 1px 0', borderStyle: 'solid', borderColor: color('statementBorder') }
      : { backgroundColor: color('statementBackground'), ...outline };
  return {
    person: mention('person'),
    place: mention('place'),
    organization: mention('organization'),
    statement: createType({
      ...statementLook,
      overviewRulerColor: color('statementOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    term: createType({
      borderWidth: '0 0 1px 0',
      borderStyle: 'dotted',
      borderColor: color('termBorder'),
      overviewRulerColor: color('termOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    speaker: createType({
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
    const status = articles.status(editor.document);
    // The highlights drawn stay (they follow the edits) until the analysis of the new text is in.
    if (!status.ready) return;
    const analysis = status.analysis;
    if (!analysis && !painted.has(key)) return;
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

  // Reading the open editors' text and starting their analyses waits until activation has returned.
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
        disposeTypes(types);
        types = createTypes(current.highlight.quoteStyle);
      }
      paintAll();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => painted.delete(corpusKey(d.uri))),
    services.stats.register('paintedDocuments', () => painted.size),
    services.stats.register('decorationTypes', () => liveTypes.size),
    { dispose: () => disposeTypes(types) },
  );
}
