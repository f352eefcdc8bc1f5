import * as vscode from 'vscode';
import { showHint } from './hint';
import type { CorpusQuote, DocumentAnalysis } from '../core/corpus';
import { articleName, coverageOf, flags, type FlagKind, type QuoteFlag } from '../core/coverage';
import { plural } from '../core/text/plural';
import { corpusKey, locationOf, registerForArticles, toRange } from './convert';
import { Commands } from './present/commandIds';
import { selectNext } from './navigation';
import type { FlagLevel, Settings } from './present/settings';
import type { Services } from './services';

/** Diagnostic codes of the flags, as the Problems panel shows them. */
const CODES: Record<FlagKind, string> = { attribution: 'attribution-conflict', altered: 'altered-wording', 'single-source': 'single-source' };

const SEVERITY: Record<Exclude<FlagLevel, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function levelOf(settings: Settings, kind: FlagKind): FlagLevel {
  return kind === 'attribution' ? settings.flags.attribution : kind === 'altered' ? settings.flags.altered : settings.flags.singleSource;
}

/** A flag as a diagnostic, remembering which versions to compare. */
class FlagDiagnostic extends vscode.Diagnostic {
  constructor(range: vscode.Range, readonly flag: QuoteFlag, severity: vscode.DiagnosticSeverity) {
    super(range, flag.message, severity);
    this.source = 'Crosswire';
    this.code = CODES[flag.kind];
  }
}

/** Wait after the last change before the flags are worked out again. */
const REFRESH_DELAY_MS = 400;

/** How many other articles carry a quote: the distinct articles of the quotes linked to it. */
function otherArticles(services: Services, quote: CorpusQuote): number {
  const { corpus } = services;
  const uris = new Set<string>();
  for (const id of corpus.linkedIds(quote.id)) {
    const uri = corpus.uriOf(id);
    if (uri !== undefined && uri !== quote.uri) uris.add(uri);
  }
  return uris.size;
}

/**
 * What other articles carry, in the editor: flags in the Problems panel (different speakers, altered
 * wording, optionally single-source statements) for the open articles, each with a code action that
 * compares the versions concerned; a CodeLens above each statement others carry; a code action to
 * compare any quote with its versions; and Go to Next/Previous Linked Quote.
 */
export function registerVersions(services: Services): vscode.Disposable {
  const { corpus, articles, settings } = services;
  const collection = vscode.languages.createDiagnosticCollection('crosswire');
  const lensesChanged = new vscode.EventEmitter<void>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** The analysis of an open document's current text, when it is ready. */
  const current = (document: vscode.TextDocument): DocumentAnalysis | undefined => {
    const status = articles.status(document);
    return status.ready ? status.analysis : undefined;
  };

  /** The flags of one open article, from its statements and their versions only. */
  const refreshDocument = (document: vscode.TextDocument): void => {
    const analysis = current(document);
    if (!analysis) {
      collection.delete(document.uri);
      return;
    }
    const s = settings.value;
    const found = flags(corpus, coverageOf(corpus, analysis.uri), analysis.uri).filter((f) => levelOf(s, f.kind) !== 'off');
    collection.set(document.uri, found.map((f) => {
      const d = new FlagDiagnostic(toRange(document, f.quote.outer), f, SEVERITY[levelOf(s, f.kind) as Exclude<FlagLevel, 'off'>]);
      d.relatedInformation = f.others.slice(0, 3).flatMap((o) => {
        const other = corpus.document(o.uri);
        return other ? [new vscode.DiagnosticRelatedInformation(locationOf(other, o.outer), `The version in ${articleName(other)}`)] : [];
      });
      return d;
    }));
  };

  const refreshAll = (): void => {
    timer = undefined;
    for (const document of vscode.workspace.textDocuments) if (articles.isArticle(document.uri)) refreshDocument(document);
    lensesChanged.fire();
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refreshAll, REFRESH_DELAY_MS);
  };

  const actions: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context) {
      const out: vscode.CodeAction[] = [];
      for (const d of context.diagnostics) {
        if (!(d instanceof FlagDiagnostic) || d.flag.others.length === 0) continue;
        const other = d.flag.others[0]!;
        const doc = corpus.document(other.uri);
        const action = new vscode.CodeAction(`Compare with the version in ${doc ? articleName(doc) : 'the other article'}`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = true;
        action.command = { command: Commands.compareVersions, title: 'Compare Versions', arguments: [d.flag.quote.id, other.id] };
        out.push(action);
      }
      const quote = current(document) ? corpus.quoteAt(corpusKey(document.uri), document.offsetAt(range.start)) : undefined;
      if (quote && out.length === 0 && otherArticles(services, quote) > 0) {
        const action = new vscode.CodeAction('Compare Versions of This Quote', vscode.CodeActionKind.Empty);
        action.command = { command: Commands.compareVersions, title: 'Compare Versions', arguments: [quote.id] };
        out.push(action);
      }
      return out;
    },
  };

  const lenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    provideCodeLenses(document) {
      if (!settings.value.codeLens) return [];
      const analysis = current(document);
      if (!analysis) return [];
      const out: vscode.CodeLens[] = [];
      for (const q of analysis.quotes) {
        if (q.kind !== 'statement' || q.depth !== 0) continue;
        const n = otherArticles(services, q);
        if (n === 0) continue;
        out.push(new vscode.CodeLens(toRange(document, q.outer), {
          title: `in ${plural(n, 'other article')}`,
          tooltip: 'Compare this quote with its versions in the other articles',
          command: Commands.compareVersions,
          arguments: [q.id],
        }));
      }
      return out;
    },
  };

  /** Moves to the next or previous quote that other articles carry. */
  const stepLinked = async (direction: 1 | -1): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor && (await articles.analyse(editor.document));
    if (!editor || !analysis) {
      showHint('Open an article to move between its linked quotes.');
      return;
    }
    const linked = analysis.quotes.filter((q) => q.depth === 0 && otherArticles(services, q) > 0);
    if (linked.length === 0) {
      showHint('No quote of this article is found in the other articles.');
      return;
    }
    selectNext(editor, linked, direction);
  };

  schedule();
  return vscode.Disposable.from(
    collection,
    lensesChanged,
    { dispose: () => timer && clearTimeout(timer) },
    articles.onDidChangeCorpus(schedule),
    settings.onDidChange(schedule),
    vscode.workspace.onDidOpenTextDocument(schedule),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    registerForArticles(settings, (selector) => vscode.Disposable.from(
      vscode.languages.registerCodeActionsProvider(selector, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Empty] }),
      vscode.languages.registerCodeLensProvider(selector, lenses),
    )),
    vscode.commands.registerCommand(Commands.nextLinkedQuote, () => stepLinked(1)),
    vscode.commands.registerCommand(Commands.previousLinkedQuote, () => stepLinked(-1)),
  );
}
