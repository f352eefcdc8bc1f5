import * as vscode from 'vscode';
import { registerForArticles, toRange } from './convert';
import { plural } from '../core/text/plural';
import { plainText, truncate } from './present/markdown';
import type { Services } from './services';
import { outlineGroups, type OutlineGroup } from './present/treeModel';

/**
 * The symbol kind of each group. VS Code has no kind for a person: a speaker is a `Class`, whose
 * members are what they said (neither the `{}` of an object nor of a namespace), and the terms are an
 * `Array`, a plain list, so they never look like one more speaker.
 */
const GROUP_KINDS: Record<OutlineGroup['kind'], vscode.SymbolKind> = {
  speaker: vscode.SymbolKind.Class,
  unattributed: vscode.SymbolKind.Class,
  terms: vscode.SymbolKind.Array,
};

/** The Outline of an article: its quotes under their speakers, then the terms. */
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
          kind === 'terms' ? plural(quotes.length, 'term') : plural(quotes.length, 'quote'),
          GROUP_KINDS[kind],
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
