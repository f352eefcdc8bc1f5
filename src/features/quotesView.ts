import * as vscode from 'vscode';
import { datedTitle } from '../core/documents';
import { shownSpeaker, type CorpusQuote } from '../core/corpus';
import { Commands, Views } from './present/commandIds';
import { articleCountUri } from './countBadges';
import { createIndexedTreeView } from './indexedTreeView';
import { escapeMarkdown, plainText, truncate } from './present/markdown';
import { plural } from '../core/text/plural';
import type { Services } from './services';
import { clusterQuotes, type QuoteCluster } from './present/treeModel';

type Node =
  | { readonly kind: 'cluster'; readonly cluster: QuoteCluster }
  | { readonly kind: 'version'; readonly quote: CorpusQuote; readonly parent: Node };

/**
 * The Quotes view: statements, those reported by more than one article first, each expanding to its
 * version in every article with the speaker each article names.
 */
export function registerQuotesView(services: Services): vscode.Disposable {
  const { articles, corpus } = services;
  let roots: Node[] | undefined;
  // Versions are named by their outlet where the article gives one, as in the cards.
  const titleOf = (uri: string): string => {
    const doc = corpus.document(uri);
    return plainText(doc ? datedTitle({ title: doc.source ?? doc.title, ...(doc.date ? { date: doc.date } : {}) }) : uri);
  };

  const model = (): Node[] =>
    (roots ??= clusterQuotes(
      corpus.documents().flatMap((d) => d.quotes),
      (id) => corpus.linkedIds(id),
      titleOf,
    ).map((cluster) => ({ kind: 'cluster', cluster })));

  const { disposable } = createIndexedTreeView<Node>(articles, 'quotes', Views.quotes, {
    getChildren(node) {
      if (!node) return model();
      if (node.kind === 'cluster' && node.cluster.versions.length > 1) {
        return node.cluster.versions.map((quote) => ({ kind: 'version', quote, parent: node }));
      }
      return [];
    },
    getParent(node) {
      return node.kind === 'version' ? node.parent : undefined;
    },
    getTreeItem(node) {
      return node.kind === 'cluster' ? clusterItem(node.cluster, titleOf) : versionItem(node.quote, titleOf);
    },
  }, () => {
    roots = undefined;
  });
  return disposable;
}

function quoteTooltip(quote: CorpusQuote, title: string, articles?: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.appendMarkdown(`**${escapeMarkdown(title)}**`);
  const who = shownSpeaker(quote);
  md.appendMarkdown(who ? ` · said by **${escapeMarkdown(who.name)}**${who.elsewhere ? ' *(named in other articles)*' : ''}\n\n` : ' · speaker not named\n\n');
  if (articles && articles > 1) md.appendMarkdown(`Carried by ${plural(articles, 'article')}\n\n`);
  md.appendMarkdown(escapeMarkdown(truncate(quote.text, 600)));
  return md;
}

function openCommand(quote: CorpusQuote): vscode.Command {
  return { command: Commands.openQuote, title: 'Open Quote', arguments: [quote.id] };
}

/** A statement of the Quotes view, with its versions below; article text stays plain text. */
export function clusterItem(cluster: QuoteCluster, titleOf: (uri: string) => string): vscode.TreeItem {
  const rep = cluster.representative;
  const single = cluster.versions.length === 1;
  const item = new vscode.TreeItem(
    `“${truncate(rep.text, 80)}”`,
    single ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `cluster:${cluster.key}`;
  const speakers = [...new Set(cluster.versions.map((v) => v.speaker && plainText(v.speaker.name)).filter((n): n is string => !!n))];
  const corrected = cluster.versions.some((v) => v.corrected) ? 'corrected' : '';
  item.description = single
    ? [titleOf(rep.uri), rep.speaker && plainText(rep.speaker.name), corrected].filter(Boolean).join(' · ')
    : [plural(cluster.articleCount, 'article'), speakers.slice(0, 2).join(', '), corrected].filter(Boolean).join(' · ');
  // The label is the quote itself and fills a default-width side bar: the count of articles is the
  // row's badge, at its right end, where it is never cut off.
  if (cluster.articleCount > 1) item.resourceUri = articleCountUri(item.id, cluster.articleCount);
  item.iconPath = new vscode.ThemeIcon(cluster.articleCount > 1 ? 'quote' : 'comment');
  item.tooltip = quoteTooltip(rep, titleOf(rep.uri), cluster.articleCount);
  item.contextValue = 'crosswire.quote';
  if (single) item.command = openCommand(rep);
  return item;
}

/** One article's version of a statement in the Quotes view; article text stays plain text. */
export function versionItem(quote: CorpusQuote, titleOf: (uri: string) => string): vscode.TreeItem {
  const title = titleOf(quote.uri);
  const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
  item.id = `version:${quote.id}`;
  const who = shownSpeaker(quote);
  item.description = (who ? `${plainText(who.name)}${who.elsewhere ? ' (elsewhere)' : ''}: “${truncate(quote.text, 60)}”` : `“${truncate(quote.text, 60)}”`) + (quote.corrected ? ' · corrected' : '');
  item.iconPath = new vscode.ThemeIcon('comment');
  item.tooltip = quoteTooltip(quote, title);
  item.command = openCommand(quote);
  return item;
}
