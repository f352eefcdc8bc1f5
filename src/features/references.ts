import * as vscode from 'vscode';
import type { Span } from '../core/types';
import { corpusKey, locationOf, registerForArticles } from './convert';
import type { Services } from './services';

/**
 * Find All References (Shift+F12): on a quote, the versions of it in other articles; on an entity
 * mention, every mention of that entity across the workspace.
 */
export function registerReferences(services: Services): vscode.Disposable {
  const { articles, corpus, settings } = services;
  const at = (uri: string, span: Span): vscode.Location | undefined => {
    const analysis = corpus.document(uri);
    return analysis ? locationOf(analysis, span) : undefined;
  };
  const provider: vscode.ReferenceProvider = {
    async provideReferences(document, position, context) {
      if (!(await articles.analyse(document))) return undefined;
      const key = corpusKey(document.uri);
      const offset = document.offsetAt(position);
      const out: vscode.Location[] = [];
      const push = (loc: vscode.Location | undefined): void => {
        if (loc) out.push(loc);
      };

      const mention = corpus.mentionAt(key, offset);
      if (mention?.entity) {
        for (const m of corpus.mentionsOf(mention.entity)) {
          const self = m.uri === key && m.start === mention.start;
          if (!self || context.includeDeclaration) push(at(m.uri, m));
        }
        return out;
      }
      const quote = corpus.quoteAt(key, offset);
      if (quote) {
        if (context.includeDeclaration) push(at(quote.uri, quote));
        for (const link of corpus.linksOf(quote.id)) {
          const other = corpus.quote(link.to);
          if (other) push(at(other.uri, other));
        }
        return out;
      }
      return undefined;
    },
  };
  return registerForArticles(settings, (selector) => vscode.languages.registerReferenceProvider(selector, provider));
}
