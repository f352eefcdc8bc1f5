import * as vscode from 'vscode';
import { registerForArticles, toRange } from './convert';
import { plainText, truncate } from './present/markdown';
import type { Services } from './services';
import { outlineGroups } from './present/treeModel';

/** The Outline of an article: its quotes under their speakers. */
export function registerSymbols(services: Services): vscode.Disposable {
  const { articles, settings } = services;
  const provider: vscode.DocumentSymbolProvider = {
    async provideDocumentSymbols(document) {
      const analysis = await articles.analyse(document);
      if (!analysis) return undefined;
      return outlineGroups(analysis.quotes.filter((q) => q.depth === 0)).map(({ name, kind, quotes }) => {
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
          plainText(name),
          `${quotes.length} quote${quotes.length === 1 ? '' : 's'}`,
          kind === 'terms' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Object,
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
