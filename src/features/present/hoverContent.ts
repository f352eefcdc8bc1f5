/**
 * The text of the hover cards, built from corpus data alone (no `vscode`), so what a user reads, and
 * that article text cannot inject markdown into it, is unit-tested.
 */
import type { CorpusMention, CorpusQuote } from '../../core/corpus';
import { plural } from '../../core/text/plural';
import type { DiffPart, Entity, EntityType, LinkRelation } from '../../core/types';
import type { LinkedVersion } from '../../core/versions';
import { Commands } from './commandIds';
import { commandLink, escapeMarkdown, truncate, wrapEscaped } from './markdown';

export { linkedVersions, type LinkedVersion, type LinkSource } from '../../core/versions';

const RELATIONS: Record<LinkRelation, string> = {
  identical: 'word for word',
  fragment: 'part of the same words',
  variant: 'reworded',
};

/** How a link's relation reads in a sentence. */
export function describeRelation(relation: LinkRelation): string {
  return RELATIONS[relation];
}

/**
 * How alike two versions' wording is, said as what the percentage is of. A version copied word for
 * word needs no figure (undefined).
 */
export function formatLikeness(relation: LinkRelation, score: number): string | undefined {
  if (relation === 'identical') return undefined;
  return `wording ${Math.round(Math.max(0, Math.min(1, score)) * 100)}% alike`;
}

/**
 * The other quote's words with the word-level differences marked: words only the hovered quote has
 * are struck through, words only the other has are bold. Everything is escaped.
 */
export function renderDiff(parts: readonly DiffPart[]): string {
  const merged: DiffPart[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (last && last.op === p.op) merged[merged.length - 1] = { op: p.op, text: last.text + p.text };
    else merged.push(p);
  }
  return merged
    .map((p) => (p.op === 'common' ? escapeMarkdown(p.text) : wrapEscaped(p.text, p.op === 'from' ? '~~' : '**')))
    .join('')
    .trim();
}

export interface QuoteCardOptions {
  /** How many linked quotes to list. */
  readonly maxLinks: number;
  /** Longest quote preview, in characters. */
  readonly previewLength?: number;
  /** The date of the hovered quote's article, when it has one. */
  readonly articleDate?: string;
}

/** A quote's speaker for a one-line description: its article's, else the one other articles name, said as such. */
export function speakerDescription(quote: CorpusQuote): string {
  if (quote.speaker) return quote.speaker.name;
  return quote.speakerElsewhere ? `${quote.speakerElsewhere.name} (named in other articles)` : 'speaker not named';
}

/** Markdown for the hover on a quote. */
export function quoteCardMarkdown(quote: CorpusQuote, versions: readonly LinkedVersion[], options: QuoteCardOptions): string {
  return [...quoteLines(quote, versions, options), '---', '', `Correct: ${quoteCorrections(quote)}`].join('\n').trimEnd();
}

/** The corrections a quote's card offers, as links. */
function quoteCorrections(quote: CorpusQuote): string {
  return `${commandLink('Set Speaker…', Commands.setSpeaker, [quote.id])} · ${commandLink('Not a Quote', Commands.notAQuote, [quote.id])}`;
}

/** What a quote's card says, without its corrections. */
function quoteLines(quote: CorpusQuote, versions: readonly LinkedVersion[], options: QuoteCardOptions): string[] {
  const preview = options.previewLength ?? 280;
  const lines: string[] = [];
  const kind = quote.kind === 'term' ? 'Term' : 'Statement';
  const elsewhere = quote.speaker ? undefined : quote.speakerElsewhere;
  const who = quote.speaker
    ? `${quote.kind === 'term' ? 'used by' : 'said by'} **${escapeMarkdown(quote.speaker.name)}**`
    : elsewhere
      ? `${quote.kind === 'term' ? 'words of' : 'said by'} **${escapeMarkdown(elsewhere.name)}**, as ${plural(elsewhere.articles, 'other article')} ${elsewhere.articles === 1 ? 'attributes' : 'attribute'} ${quote.kind === 'term' ? 'them' : 'it'} · *not named in this article*`
      : quote.kind === 'term'
        ? 'words in quote marks, not a statement'
        : 'speaker not named';
  const corrected = quote.corrected?.includes('set-speaker') ? ' · *speaker set by a reader*' : quote.corrected ? ' · *corrected*' : '';
  lines.push(`**${kind}** · ${who}${quote.unclosed ? ' · *no closing quote mark*' : ''}${corrected}`, '');

  const others = versions.filter((v) => !v.sameArticle);
  const own = versions.filter((v) => v.sameArticle);
  if (others.length === 0) {
    lines.push('*No matching quote found in the other articles.*', '');
  } else {
    // Copies word for word (syndicated wire copy) make one line, however many articles carry them.
    const copies = others.filter((v) => v.link.relation === 'identical');
    const distinct = copies.length > 1 ? others.filter((v) => v.link.relation !== 'identical') : others;
    const shown = distinct.slice(0, options.maxLinks);
    const articles = new Set(others.map((v) => v.quote.uri)).size;
    lines.push('---', '', `**Also reported by** (${plural(articles, 'article')}) · ${commandLink('Compare', Commands.compareVersions, [quote.id])}`, '');
    // Versions are listed earliest first where dated: the first dated one is the earliest unless this article is older.
    const earliest = others[0]?.date && !(options.articleDate && options.articleDate <= others[0].date) ? others[0] : undefined;
    if (options.articleDate && !earliest && others.some((v) => v.date)) lines.push(`*This article has the earliest version (${options.articleDate}).*`, '');
    if (copies.length > 1) {
      const names = copies.slice(0, options.maxLinks).map((v) => {
        const when = v.date ? ` (${v === earliest ? `${v.date}, the earliest version` : v.date})` : '';
        return `${commandLink(v.name, Commands.openQuote, [v.quote.id])}${when}`;
      });
      const more = copies.length > options.maxLinks ? `, and ${copies.length - options.maxLinks} more` : '';
      lines.push(`- **Word for word** in ${plural(copies.length, 'article')}: ${names.join(', ')}${more}`, '');
    }
    if (shown.some(showsDiff)) lines.push('*Their wording: ~~struck~~ words are only in this article, **bold** ones only in theirs.*', '');
    lines.push(...versionList(shown, preview, earliest, quote));
    const rest = distinct.length - Math.min(distinct.length, options.maxLinks);
    if (rest > 0) {
      lines.push(`${commandLink(`…and ${rest} more`, Commands.goToMatchingQuote, [quote.id])}`, '');
    }
  }
  if (own.length > 0) {
    lines.push('**Also in this article**', '');
    lines.push(...versionList(own.slice(0, options.maxLinks), preview));
  }
  return lines;
}

/** Words of a version shown on either side of the part that matched. */
const CONTEXT_WORDS = 6;

/**
 * A diff of the part of a longer version that matched, with a few of that version's words on either
 * side, so the card shows where the words stand rather than the whole statement.
 */
function withContext(v: LinkedVersion, diff: string): string {
  const span = v.link.part?.to;
  if (!span) return diff;
  const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
  const before = words(v.quote.text.slice(0, span.start)).slice(-CONTEXT_WORDS).join(' ');
  const after = words(v.quote.text.slice(span.end)).slice(0, CONTEXT_WORDS).join(' ');
  const gap = /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
  return `${before ? `…${escapeMarkdown(before)} ` : ''}${diff}${after ? `${gap}${escapeMarkdown(after)}…` : ''}`;
}

/** A version is shown as a word diff when it has differences to show. */
function showsDiff(v: LinkedVersion): boolean {
  return v.link.relation !== 'identical' && v.link.diff.some((p) => p.op !== 'common');
}

function versionList(versions: readonly LinkedVersion[], preview: number, earliest?: LinkedVersion, comparedWith?: CorpusQuote): string[] {
  const lines: string[] = [];
  for (const v of versions) {
    const likeness = formatLikeness(v.link.relation, v.link.score);
    const meta = [...(v.date ? [v === earliest ? `${v.date}, the earliest version` : v.date] : []), describeRelation(v.link.relation), ...(likeness ? [likeness] : [])];
    if (v.quote.speaker) meta.push(`said by ${escapeMarkdown(v.quote.speaker.name)}`);
    if (comparedWith && showsDiff(v)) meta.push(commandLink('compare', Commands.compareVersions, [comparedWith.id, v.quote.id]));
    // The outlet names the version; its headline, when that is something else, says which article.
    const headline = v.title !== v.name ? ` · *${escapeMarkdown(truncate(v.title, 100))}*` : '';
    lines.push(`- ${commandLink(v.name, Commands.openQuote, [v.quote.id])}${headline} · ${meta.join(' · ')}`, '');
    const body = showsDiff(v) ? withContext(v, renderDiff(v.link.diff)) : escapeMarkdown(truncate(v.quote.text, preview));
    lines.push(`  ${body}`, '');
  }
  return lines;
}

const TYPE_NAMES: Record<EntityType, string> = { person: 'Person', place: 'Place', organization: 'Organisation' };

/** The singular name of an entity type, as a reader would write it. */
export function entityTypeName(type: EntityType): string {
  return TYPE_NAMES[type];
}

/** How widely an entity is mentioned. */
export interface EntityStats {
  readonly mentions: number;
  readonly articles: number;
}

/**
 * Markdown for the hover on an entity mention; `entity` is undefined where the name stays unresolved.
 * `recognising` says that entities are still being recognised across the workspace, so the counts are
 * not final yet.
 */
export function entityCardMarkdown(
  mention: CorpusMention,
  entity: Entity | undefined,
  stats: EntityStats | undefined,
  recognising = false,
): string {
  return [...entityLines(mention, entity, stats, recognising), `Correct: ${entityCorrections(mention)}`].join('\n');
}

/** The card of a name: the entity under the pointer and how widely it is mentioned. */
export interface NameCard {
  readonly mention: CorpusMention;
  readonly entity: Entity | undefined;
  readonly stats: EntityStats | undefined;
  readonly recognising?: boolean;
}

/**
 * Markdown for the hover on a name inside a quote: one card, the name first (it is what the pointer
 * is on), then the quote it stands in, and one line of corrections for both, rather than two cards
 * stacked with a footer each.
 */
export function nameInQuoteCardMarkdown(name: NameCard, quote: CorpusQuote, versions: readonly LinkedVersion[], options: QuoteCardOptions): string {
  return [
    ...entityLines(name.mention, name.entity, name.stats, name.recognising ?? false),
    '---',
    '',
    ...quoteLines(quote, versions, options),
    '---',
    '',
    `Correct the name: ${entityCorrections(name.mention)} · the quote: ${quoteCorrections(quote)}`,
  ].join('\n');
}

/** The corrections a name's card offers, as links. */
function entityCorrections(mention: CorpusMention): string {
  return commandLink('Not an Entity', Commands.notAnEntity, [{ uri: mention.uri, offset: mention.start }]);
}

/** What a name's card says, without its corrections. */
function entityLines(mention: CorpusMention, entity: Entity | undefined, stats: EntityStats | undefined, recognising: boolean): string[] {
  // How sure the recogniser was of this mention: what `crosswire.highlight.minConfidence` is compared with.
  const sure = mention.confidence === undefined || mention.corrected ? '' : ` · confidence ${Math.round(mention.confidence * 100)} %`;
  const corrected = mention.corrected || entity?.corrected ? ' · *corrected*' : '';
  if (!entity || !stats) {
    return [
      `**${TYPE_NAMES[mention.type]}** · **${escapeMarkdown(mention.text)}**${sure}${corrected}`,
      '',
      '*Not tied to one entity: more than one in the workspace may go by this name.*',
      '',
    ];
  }
  const lines = [`**${TYPE_NAMES[entity.type]}** · **${escapeMarkdown(entity.name)}**${sure}${corrected}`, ''];
  if (entity.aliases.length > 0) {
    lines.push(`Also written: ${entity.aliases.map((a) => escapeMarkdown(a)).join(' · ')}`, '');
  }
  lines.push(`Mentioned ${plural(stats.mentions, 'time')} in ${plural(stats.articles, 'article')}`, '');
  if (recognising) lines.push('*Entities are still being recognised in other articles: these counts may grow.*', '');
  lines.push(
    `${commandLink('Reveal in Entities', Commands.revealEntity, [entity.id])} · ${commandLink('List all mentions', Commands.showEntityMentions, [entity.id])}`,
    '',
  );
  return lines;
}
