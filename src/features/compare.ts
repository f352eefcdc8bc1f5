import * as vscode from 'vscode';
import { showHint } from './hint';
import type { Corpus, CorpusQuote } from '../core/corpus';
import { articleName, versionDocument } from '../core/coverage';
import { linkedVersions } from '../core/versions';
import { Commands } from './present/commandIds';
import { matchingQuoteItems, quoteUnderCursor } from './navigation';
import type { Services } from './services';

/** The scheme of the read-only documents that hold one version of a quote each. */
export const VERSION_SCHEME = 'crosswire-version';

/** A file name from an outlet's name: what the diff editor's title and tabs show. */
function fileNameOf(name: string): string {
  return (name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'version') + '.txt';
}

/** The document of one version, named by its outlet. */
export function versionUri(corpus: Corpus, quote: CorpusQuote): vscode.Uri {
  const doc = corpus.document(quote.uri);
  return vscode.Uri.from({ scheme: VERSION_SCHEME, path: `/${fileNameOf(doc ? articleName(doc) : quote.uri)}`, query: `quote=${encodeURIComponent(quote.id)}` });
}

function quoteOfUri(corpus: Corpus, uri: vscode.Uri): CorpusQuote | undefined {
  const id = new URLSearchParams(uri.query).get('quote');
  return id ? corpus.quote(id) : undefined;
}

/** The quote a command was given: an id, a view node holding a quote, or else the one at the cursor. */
async function quoteOf(services: Services, arg: unknown): Promise<CorpusQuote | undefined> {
  const { corpus } = services;
  if (typeof arg === 'string') return corpus.quote(arg);
  if (arg && typeof arg === 'object') {
    // A node of the Quotes view: a statement (its fullest version) or one article's version.
    const node = arg as { quote?: { id?: unknown }; cluster?: { representative?: { id?: unknown } } };
    const id = node.quote?.id ?? node.cluster?.representative?.id;
    if (typeof id === 'string') return corpus.quote(id);
  }
  return quoteUnderCursor(services);
}

/**
 * Compare Versions: VS Code's diff editor on two versions of a quote, this article's on the left and
 * another's on the right, each with the paragraphs it stands in. With several other versions a quick
 * pick chooses one.
 */
export function registerCompare(services: Services): vscode.Disposable {
  const { corpus, articles } = services;
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent(uri) {
      const quote = quoteOfUri(corpus, uri);
      const doc = quote && corpus.document(quote.uri);
      if (!quote || !doc) return 'This quote is no longer in the workspace’s articles.\n';
      return versionDocument(doc, quote);
    },
  };

  const compare = async (first?: unknown, second?: unknown): Promise<void> => {
    const quote = await quoteOf(services, first);
    if (!quote) {
      showHint('Place the cursor inside a quote to compare its versions.');
      return;
    }
    let other = typeof second === 'string' ? corpus.quote(second) : undefined;
    if (!other) {
      const versions = linkedVersions(corpus, quote).filter((v) => !v.sameArticle);
      if (versions.length === 0) {
        showHint('No matching quote found in the other articles.');
        return;
      }
      if (versions.length === 1) other = versions[0]!.quote;
      else {
        const picked = await vscode.window.showQuickPick(matchingQuoteItems(versions), {
          title: 'Compare Versions',
          placeHolder: 'Choose the version to compare with',
          matchOnDescription: true,
          matchOnDetail: true,
        });
        other = picked?.quote;
      }
    }
    if (!other) return;
    const here = corpus.document(quote.uri);
    const there = corpus.document(other.uri);
    const title = `${here ? articleName(here) : 'this version'} ↔ ${there ? articleName(there) : 'other version'}`;
    await vscode.commands.executeCommand('vscode.diff', versionUri(corpus, quote), versionUri(corpus, other), title, { preview: true });
  };

  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(VERSION_SCHEME, provider),
    vscode.commands.registerCommand(Commands.compareVersions, compare),
    // A version shown is redrawn when its article is analysed again.
    articles.onDidChangeCorpus((keys) => {
      const touched = new Set(keys);
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.uri.scheme !== VERSION_SCHEME) continue;
        const q = quoteOfUri(corpus, doc.uri);
        if (!q || touched.has(q.uri)) changed.fire(doc.uri);
      }
    }),
  );
}
