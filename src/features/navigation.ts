import * as vscode from 'vscode';
import { showHint } from './hint';
import type { CorpusMention, CorpusQuote } from '../core/corpus';
import type { Entity, Span } from '../core/types';
import { Commands } from './present/commandIds';
import { corpusKey, toRange, uriOfKey } from './convert';
import { entityUnderCursor } from './entitiesView';
import { plural } from '../core/text/plural';
import { describeRelation, entityTypeName, formatLikeness, linkedVersions, speakerDescription, type LinkedVersion } from './present/hoverContent';
import { escapeIcons, plainText, truncate } from './present/markdown';
import type { Services } from './services';
import { articlesOf, lineContext, type ArticleMentions } from './present/treeModel';
import { lineIndexOf } from './present/lineIndex';

/** Opens an article (by corpus key) with a span selected and in view; `beside` the active editor if asked. */
export async function openSpan(key: string, span: Span, preview = true, beside = false): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uriOfKey(key));
  const range = toRange(document, span);
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview, ...(beside ? { viewColumn: vscode.ViewColumn.Beside } : {}) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * Selects the next span after the selection (or the previous one before it) of `spans`, wrapping at
 * the ends, and brings it into view.
 */
export function selectNext(editor: vscode.TextEditor, spans: readonly Span[], direction: 1 | -1): void {
  const offset = editor.document.offsetAt(direction === 1 ? editor.selection.end : editor.selection.start);
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  const next = direction === 1
    ? ordered.find((q) => q.start > offset) ?? ordered[0]!
    : [...ordered].reverse().find((q) => q.end < offset) ?? ordered[ordered.length - 1]!;
  const range = toRange(editor.document, next);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The quote at the cursor of the active editor, once its text is analysed. */
export async function quoteUnderCursor(services: Pick<Services, 'articles' | 'corpus'>): Promise<CorpusQuote | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(await services.articles.analyse(editor.document))) return undefined;
  return services.corpus.quoteAt(corpusKey(editor.document.uri), editor.document.offsetAt(editor.selection.active));
}

/** Commands that move between quotes and mentions: next/previous quote, matching quotes, mentions. */
export function registerNavigation(services: Services): vscode.Disposable {
  const { articles, corpus, settings } = services;

  /** Whether a version in another article opens beside the article being read. */
  const besideActive = (uri: string): boolean => {
    const active = vscode.window.activeTextEditor?.document.uri;
    return settings.value.openVersionsBeside && !!active && articles.isArticle(active) && corpusKey(active) !== uri;
  };

  const openQuote = async (id: unknown): Promise<void> => {
    const quote = typeof id === 'string' ? corpus.quote(id) : undefined;
    if (!quote) {
      showHint('That quote is no longer in the workspace’s articles.');
      return;
    }
    await openSpan(quote.uri, quote, true, besideActive(quote.uri));
  };

  const openLocation = async (uri: unknown, start: unknown, end: unknown): Promise<void> => {
    if (typeof uri !== 'string' || !Number.isInteger(start) || !Number.isInteger(end)) return;
    const s = start as number;
    await openSpan(uri, { start: s, end: Math.max(s, end as number) });
  };

  const activeArticle = async (): Promise<{ editor: vscode.TextEditor; quotes: readonly CorpusQuote[] } | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor && (await articles.analyse(editor.document));
    return editor && analysis ? { editor, quotes: analysis.quotes } : undefined;
  };

  const stepQuote = async (direction: 1 | -1): Promise<void> => {
    const active = await activeArticle();
    if (!active) {
      showHint('Open an article to move between its quotes.');
      return;
    }
    const { editor, quotes } = active;
    if (quotes.length === 0) {
      showHint('No quotes in this article.');
      return;
    }
    selectNext(editor, quotes, direction);
  };

  const goToMatchingQuote = async (arg?: unknown): Promise<void> => {
    const quote = typeof arg === 'string' ? corpus.quote(arg) : await quoteUnderCursor(services);
    if (!quote) {
      showHint('Place the cursor inside a quote to find it in other sources.');
      return;
    }
    const versions = linkedVersions(corpus, quote).filter((v) => !v.sameArticle);
    if (versions.length === 0) {
      showHint('No matching quote found in the other articles.');
      return;
    }
    // One match: nothing to choose.
    if (versions.length === 1) {
      await openSpan(versions[0]!.quote.uri, versions[0]!.quote, false, besideActive(versions[0]!.quote.uri));
      return;
    }
    const picked = await vscode.window.showQuickPick(matchingQuoteItems(versions), {
      title: 'Go to Matching Quote in Another Source',
      placeHolder: 'Choose an article',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked) await openSpan(picked.quote.uri, picked.quote, false, besideActive(picked.quote.uri));
  };

  const showEntityMentions = async (arg?: unknown): Promise<void> => {
    let entityId = entityIdOf(arg) ?? (await entityUnderCursor(services));
    if (!entityId) {
      const entities = corpus.entities();
      if (entities.length === 0) {
        showHint('No people, places or organisations found in the workspace’s articles yet.');
        return;
      }
      const chosen = await vscode.window.showQuickPick(
        entityItems(entities),
        { title: 'Show Entity Mentions', placeHolder: 'Choose a person, place or organisation', matchOnDetail: true },
      );
      entityId = chosen?.id;
    }
    const entity = entityId ? corpus.entity(entityId) : undefined;
    if (!entity) return;
    const byArticle = articlesOf(corpus, entity.id);
    const count = byArticle.reduce((n, a) => n + a.mentions.length, 0);
    const picked = await vscode.window.showQuickPick(mentionItems(services, byArticle), {
      title: `${plainText(entity.name)}: ${plural(count, 'mention')} in ${plural(byArticle.length, 'article')}`,
      placeHolder: 'Choose a mention to open',
      matchOnDescription: true,
    });
    if (picked && 'mention' in picked) await openSpan(picked.mention.uri, picked.mention, false);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openQuote, openQuote),
    vscode.commands.registerCommand(Commands.openLocation, openLocation),
    vscode.commands.registerCommand(Commands.nextQuote, () => stepQuote(1)),
    vscode.commands.registerCommand(Commands.previousQuote, () => stepQuote(-1)),
    vscode.commands.registerCommand(Commands.goToMatchingQuote, goToMatchingQuote),
    vscode.commands.registerCommand(Commands.showEntityMentions, showEntityMentions),
  );
}

/** The choices of Go to Matching Quote: one per version, by outlet (or title). Article text shows as plain text. */
export function matchingQuoteItems(versions: readonly LinkedVersion[]): (vscode.QuickPickItem & { quote: CorpusQuote })[] {
  return versions.map((v) => ({
    label: escapeIcons(v.name),
    description: escapeIcons([...(v.name !== v.title ? [v.title] : []), ...(v.date ? [v.date] : []), speakerDescription(v.quote), describeRelation(v.link.relation), formatLikeness(v.link.relation, v.link.score)].filter(Boolean).join(' · ')),
    detail: escapeIcons(`“${truncate(v.quote.text, 160)}”`),
    quote: v.quote,
  }));
}

/** The choices of Show Entity Mentions when no entity is given. Article text shows as plain text. */
export function entityItems(entities: readonly Entity[]): (vscode.QuickPickItem & { id: string })[] {
  return entities.map((e) => ({
    label: escapeIcons(e.name),
    description: entityTypeName(e.type),
    detail: escapeIcons(e.aliases.join(' · ')) || undefined,
    id: e.id,
  }));
}

type MentionItem = vscode.QuickPickItem & { mention: CorpusMention };

/**
 * The choices of Show Entity Mentions: a separator naming each article (those with most mentions
 * first), then its mentions in reading order, each as its line and line number. Article text shows as
 * plain text.
 */
export function mentionItems(services: Pick<Services, 'corpus'>, byArticle: readonly ArticleMentions[]): (MentionItem | vscode.QuickPickItem)[] {
  return byArticle.flatMap((article) => [
    { label: escapeIcons(article.title), kind: vscode.QuickPickItemKind.Separator },
    ...article.mentions.map((m) => mentionItem(services, m)),
  ]);
}

/** One mention as a choice: its line, and where in its article it is. Article text shows as plain text. */
export function mentionItem(services: Pick<Services, 'corpus'>, mention: CorpusMention): MentionItem {
  const analysis = services.corpus.document(mention.uri);
  const context = lineContext(analysis?.text ?? '', mention.start, mention.end, 110);
  const line = analysis ? lineIndexOf(analysis).positionAt(mention.start).line + 1 : undefined;
  return {
    label: escapeIcons(context.text),
    description: line ? `line ${line}` : escapeIcons(vscode.workspace.asRelativePath(uriOfKey(mention.uri))),
    mention,
  };
}

/** The entity id in a command argument: a string from a hover link, or an Entities view node. */
function entityIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'summary' in arg) {
    const summary = (arg as { summary?: { entity?: { id?: unknown } } }).summary;
    const id = summary?.entity?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}
