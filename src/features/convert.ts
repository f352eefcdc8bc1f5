import * as vscode from 'vscode';
import type { Span } from '../core/types';
import { lineIndexOf } from './present/lineIndex';

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
 * The document selector for article files: the `crosswire.articles` glob under each workspace folder
 * (in the folder's own scheme, so virtual workspaces work) and, for files opened from elsewhere, on
 * the file's path; never git, output or diff documents.
 */
export function articleSelector(glob: string): vscode.DocumentFilter[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    scheme: folder.uri.scheme,
    pattern: new vscode.RelativePattern(folder, glob),
  }));
  return [...folders, { scheme: 'file', pattern: glob }];
}

/**
 * Registers language features for article files, and again whenever `crosswire.articles` or the
 * workspace folders change, so providers never run for other documents (excludes are checked by the
 * providers themselves).
 */
export function registerForArticles(
  settings: { readonly value: { readonly articles: string }; onDidChange: vscode.Event<unknown> },
  register: (selector: vscode.DocumentSelector) => vscode.Disposable,
): vscode.Disposable {
  let glob = settings.value.articles;
  let current = register(articleSelector(glob));
  const reregister = (): void => {
    glob = settings.value.articles;
    current.dispose();
    current = register(articleSelector(glob));
  };
  const listeners = [
    settings.onDidChange(() => {
      if (settings.value.articles !== glob) reregister();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(reregister),
  ];
  return {
    dispose: () => {
      listeners.forEach((l) => l.dispose());
      current.dispose();
    },
  };
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
