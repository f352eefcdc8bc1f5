import * as vscode from 'vscode';
import { HOVER_COMMANDS } from './present/commandIds';
import { corpusKey, registerForArticles, toRange } from './convert';
import { entityCardMarkdown, linkedVersions, quoteCardMarkdown } from './present/hoverContent';
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
      const contents: vscode.MarkdownString[] = [];
      let range: vscode.Range | undefined;

      // The hover is for the character under the pointer: a span's end offset is already past it.
      const mention = corpus.mentionAt(key, offset);
      if (mention && offset < mention.end) {
        const entity = mention.entity ? corpus.entity(mention.entity) : undefined;
        const counted = entity ? corpus.mentionStats(entity.id) : undefined;
        const stats = counted ? { mentions: counted.mentions, articles: counted.documents } : undefined;
        const recognising = articles.state.running && articles.state.phase !== 'finding';
        contents.push(untrustedMarkdown(entityCardMarkdown(mention, entity, stats, recognising)));
        range = toRange(document, mention);
      }
      const quote = corpus.quoteAt(key, offset);
      if (quote && offset < quote.outer.end) {
        const versions = linkedVersions(corpus, quote);
        contents.push(untrustedMarkdown(quoteCardMarkdown(quote, versions, { maxLinks: settings.value.hover.maxLinks, articleDate: corpus.document(quote.uri)?.date })));
        range ??= toRange(document, quote.outer);
      }
      return contents.length > 0 ? new vscode.Hover(contents, range) : undefined;
    },
  };
  return registerForArticles(settings, (selector) => vscode.languages.registerHoverProvider(selector, provider));
}
