import * as vscode from 'vscode';
import type { Span } from '../core/types';
import { corpusKey, locationOf, registerForArticles } from './convert';
import type { Services } from './services';

/**
 * Find All References (Shift+F12): on a quote, the versions of it in other articles; on an entity
 * mention, every mention of that entity across the workspace.
 *
 * The place under the cursor is listed with the others whatever `includeDeclaration` says, and only
 * when there are others. Go to References jumps without a word when a provider leaves one place, so a
 * single other version would be opened blind, and a quote no other article carries would move the
 * cursor onto itself; with the place itself listed, one other version opens in a peek beside it, and
 * with none VS Code says at the cursor that there are no references.
 */
export function registerReferences(services: Services): vscode.Disposable {
  const { articles, corpus, settings } = services;
  const at = (uri: string, span: Span): vscode.Location | undefined => {
    const analysis = corpus.document(uri);
    return analysis ? locationOf(analysis, span) : undefined;
  };
  const places = (self: vscode.Location | undefined, others: (vscode.Location | undefined)[]): vscode.Location[] => {
    const found = others.filter((l): l is vscode.Location => !!l);
    return found.length === 0 || !self ? found : [self, ...found];
  };
  const provider: vscode.ReferenceProvider = {
    async provideReferences(document, position) {
      if (!(await articles.analyse(document))) return undefined;
      const key = corpusKey(document.uri);
      const offset = document.offsetAt(position);

      const mention = corpus.mentionAt(key, offset);
      if (mention?.entity) {
        const others = corpus.mentionsOf(mention.entity).filter((m) => !(m.uri === key && m.start === mention.start));
        return places(at(key, mention), others.map((m) => at(m.uri, m)));
      }
      const quote = corpus.quoteAt(key, offset);
      if (quote) {
        const others = corpus.linksOf(quote.id).map((link) => corpus.quote(link.to));
        return places(at(quote.uri, quote), others.map((q) => (q ? at(q.uri, q) : undefined)));
      }
      return undefined;
    },
  };
  return registerForArticles(settings, (selector) => vscode.languages.registerReferenceProvider(selector, provider));
}
