import * as vscode from 'vscode';
import type { CorpusQuote } from '../core/corpus';
import { registerForArticles, toRange } from './convert';
import { truncate } from './markdown';
import type { Services } from './services';

/** Groups for the Outline: each speaker with the quotes attributed to them, in reading order. */
export function outlineGroups(quotes: readonly CorpusQuote[]): { name: string; quotes: CorpusQuote[] }[] {
  const groups = new Map<string, CorpusQuote[]>();
  for (const q of quotes) {
    const name = q.speaker?.name ?? (q.kind === 'term' ? 'Terms' : 'Speaker not named');
    const list = groups.get(name);
    if (list) list.push(q);
    else groups.set(name, [q]);
  }
  return [...groups].map(([name, qs]) => ({ name, quotes: qs }));
}

/** The Outline of an article: its quotes under their speakers. */
export function registerSymbols(services: Services): vscode.Disposable {
  const { articles, settings } = services;
  const provider: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols(document) {
      const analysis = articles.analyse(document);
      if (!analysis) return undefined;
      return outlineGroups(analysis.quotes.filter((q) => q.depth === 0)).map(({ name, quotes }) => {
        const children = quotes.map((q) => {
          const symbol = new vscode.DocumentSymbol(
            `“${truncate(q.text, 60)}”`,
            q.kind === 'term' ? 'term' : '',
            q.kind === 'term' ? vscode.SymbolKind.Key : vscode.SymbolKind.String,
            toRange(document, q.outer),
            toRange(document, q),
          );
          return symbol;
        });
        const first = children[0]!;
        const last = children[children.length - 1]!;
        const group = new vscode.DocumentSymbol(
          name,
          `${quotes.length} quote${quotes.length === 1 ? '' : 's'}`,
          name === 'Terms' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Object,
          first.range.union(last.range),
          first.selectionRange,
        );
        group.children = children;
        return group;
      });
    },
  };
  return registerForArticles(settings, (selector) =>
    vscode.languages.registerDocumentSymbolProvider(selector, provider, { label: 'Crosswire quotes' }),
  );
}
