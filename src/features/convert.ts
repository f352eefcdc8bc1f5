import * as vscode from 'vscode';
import type { Span } from '../core/types';
import { lineIndexOf } from './lineIndex';

/** The key a document has in the corpus: its URI as a string. */
export function corpusKey(uri: vscode.Uri): string {
  return uri.toString();
}

export function uriOfKey(key: string): vscode.Uri {
  return vscode.Uri.parse(key, true);
}

/** A core span (UTF-16 offsets, end exclusive) as a range of `document`. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/**
 * Registers language features for article files, and again whenever `crosswire.articles` changes,
 * so providers never run for other documents (excludes are checked by the providers themselves).
 */
export function registerForArticles(
  settings: { readonly value: { readonly articles: string }; onDidChange: vscode.Event<unknown> },
  register: (selector: vscode.DocumentSelector) => vscode.Disposable,
): vscode.Disposable {
  let glob = settings.value.articles;
  let current = register({ pattern: glob });
  const listener = settings.onDidChange(() => {
    if (settings.value.articles === glob) return;
    glob = settings.value.articles;
    current.dispose();
    current = register({ pattern: glob });
  });
  return { dispose: () => { listener.dispose(); current.dispose(); } };
}

/**
 * Where a span of an analysed article is. The corpus holds an open document's own text, so positions
 * computed from the analysed text are the editor's positions too.
 */
export function locationOf(analysis: { readonly uri: string; readonly text: string }, span: Span): vscode.Location {
  const lines = lineIndexOf(analysis);
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return new vscode.Location(uriOfKey(analysis.uri), new vscode.Range(start.line, start.character, end.line, end.character));
}
