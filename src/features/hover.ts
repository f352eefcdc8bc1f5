import * as vscode from 'vscode';
import { HOVER_COMMANDS } from './present/commandIds';
import { corpusKey, registerForArticles, toRange } from './convert';
import type { CorpusMention, CorpusQuote } from '../core/corpus';
import { entityCardMarkdown, linkedVersions, nameInQuoteCardMarkdown, quoteCardMarkdown, type NameCard, type QuoteCardOptions } from './present/hoverContent';
import type { Services } from './services';

/** Markdown built from untrusted article text: only crosswire's own commands may run from it. */
function untrustedMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, false);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  return md;
}

/** Hover cards on entity mentions (who or what it is) and on quotes (who said it, who else reported it). */
export function registerHover(services: Services): vscode.Disposable {
  const { articles, corpus, settings } = services;
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!settings.value.hover.enabled) return undefined;
      const analysis = await articles.analyse(document);
      if (!analysis || token.isCancellationRequested) return undefined;
      const key = corpusKey(document.uri);
      const offset = document.offsetAt(position);
      // The hover is for the character under the pointer: a span's end offset is already past it.
      const found = corpus.mentionAt(key, offset);
      const mention = found && offset < found.end ? found : undefined;
      const inQuote = corpus.quoteAt(key, offset);
      const quote = inQuote && offset < inQuote.outer.end ? inQuote : undefined;
      const cardOptions = (q: CorpusQuote): QuoteCardOptions => ({ maxLinks: settings.value.hover.maxLinks, articleDate: corpus.document(q.uri)?.date });
      const name = (m: CorpusMention): NameCard => {
        const entity = m.entity ? corpus.entity(m.entity) : undefined;
        const counted = entity ? corpus.mentionStats(entity.id) : undefined;
        const stats = counted ? { mentions: counted.mentions, articles: counted.documents } : undefined;
        return { mention: m, entity, stats, recognising: articles.state.running && articles.state.phase !== 'finding' };
      };
      // A name inside a quote gets one card about both, over the name alone: moving on to the quote's
      // other words shows the quote's own card.
      if (mention && quote) {
        const markdown = nameInQuoteCardMarkdown(name(mention), quote, linkedVersions(corpus, quote), cardOptions(quote));
        return new vscode.Hover(untrustedMarkdown(markdown), toRange(document, mention));
      }
      if (mention) {
        const { entity, stats, recognising } = name(mention);
        return new vscode.Hover(untrustedMarkdown(entityCardMarkdown(mention, entity, stats, recognising)), toRange(document, mention));
      }
      if (quote) {
        return new vscode.Hover(untrustedMarkdown(quoteCardMarkdown(quote, linkedVersions(corpus, quote), cardOptions(quote))), toRange(document, quote.outer));
      }
      return undefined;
    },
  };
  return registerForArticles(settings, (selector) => vscode.languages.registerHoverProvider(selector, provider));
}
