/**
 * What the corrections offer, built from corpus data alone (no `vscode`): the code actions at a place
 * in an article, the speakers to pick from, the quotes to link or unlink, the name a selection makes,
 * and which folder Undo takes its correction from.
 */
import type { Corpus, CorpusQuote } from '../../core/corpus';
import type { EntityType, Span } from '../../core/types';
import { Commands } from './commandIds';
import { escapeIcons, truncate } from './markdown';

/** Where a correction made from a card, a code action or a menu applies: an article and an offset in it. */
export interface CorrectionTarget {
  readonly uri: string;
  readonly offset: number;
  /** The end of a selection, for Mark as Entity. */
  readonly end?: number;
}

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

/** Longest selection Mark as Entity takes: a name, not a paragraph. */
const MAX_NAME_LENGTH = 200;

/** A code action: its title (after `Crosswire: `), the command it runs and the command's arguments. */
export interface CorrectionAction {
  readonly title: string;
  readonly command: string;
  readonly args: readonly unknown[];
}

type CorpusReader = Pick<Corpus, 'document' | 'entities' | 'entity' | 'linkedIds' | 'mentionAt' | 'quoteAt'>;

/**
 * The corrections offered at a place of an article (the cursor, or a selection from `offset` to
 * `end`): those of the name there, Mark as Entity for a selection that is not exactly a name, and
 * those of the quote there.
 */
export function correctionActions(corpus: CorpusReader, key: string, offset: number, end: number): CorrectionAction[] {
  const at: CorrectionTarget = { uri: key, offset };
  const out: CorrectionAction[] = [];
  const action = (title: string, command: string, args: unknown[]): void => void out.push({ title, command, args });
  const empty = offset === end;
  const mention = corpus.mentionAt(key, offset);
  if (mention && (offset < mention.end || empty)) {
    action(`Not an Entity (“${truncate(mention.text, 40)}”)`, Commands.notAnEntity, [at]);
    action('Change Type…', Commands.changeType, [at]);
    if (mention.entity) {
      action('Merge Entities…', Commands.mergeEntities, [at]);
      action('Split from Entity', Commands.splitFromEntity, [at]);
    }
  }
  if (!empty && !(mention && mention.start === offset && mention.end === end)) action('Mark as Entity…', Commands.markAsEntity, [{ ...at, end }]);
  const quote = corpus.quoteAt(key, offset);
  if (quote) {
    action('Set Speaker…', Commands.setSpeaker, [quote.id]);
    action('Not a Quote', Commands.notAQuote, [quote.id]);
    if (corpus.linkedIds(quote.id).length > 0) action('Unlink These Quotes…', Commands.unlinkQuotes, [quote.id]);
    action('Link to Quote…', Commands.linkToQuote, [quote.id]);
  }
  return out;
}

/** A name to pick as a quote's speaker. */
export interface SpeakerChoice {
  readonly label: string;
  readonly description: string;
  readonly name: string;
  readonly alwaysShow?: boolean;
}

/**
 * The speakers to pick from for a quote: the people and organisations its article names, nearest
 * first, then the rest of the workspace's.
 */
export function speakerChoices(corpus: CorpusReader, quote: CorpusQuote): SpeakerChoice[] {
  const doc = corpus.document(quote.uri);
  const near = new Map<string, number>();
  for (const m of doc?.mentions ?? []) {
    if (m.type === 'place') continue;
    const name = (m.entity && corpus.entity(m.entity)?.name) || m.text;
    const d = Math.abs(m.start - quote.start);
    if (!near.has(name) || d < near.get(name)!) near.set(name, d);
  }
  const here = [...near.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  const elsewhere = corpus.entities().filter((e) => e.type !== 'place' && !near.has(e.name)).map((e) => e.name);
  return [
    ...here.map((name) => ({ label: escapeIcons(name), description: 'in this article', name })),
    ...elsewhere.map((name) => ({ label: escapeIcons(name), description: 'in the workspace', name })),
  ];
}

/** The choices with what is typed offered first, when it is a name not among them. */
export function withTypedSpeaker(choices: readonly SpeakerChoice[], value: string): readonly SpeakerChoice[] {
  const typed = value.trim();
  const exists = choices.some((i) => i.name.toLowerCase() === typed.toLowerCase());
  return typed && !exists ? [{ label: escapeIcons(typed), description: 'another name', name: typed, alwaysShow: true }, ...choices] : choices;
}

/** What the speaker pick says of a quote: its title, and its placeholder, which names the speaker found. */
export function speakerPrompt(quote: CorpusQuote): { title: string; placeholder: string } {
  return {
    title: `Who said “${escapeIcons(truncate(quote.text, 60))}”?`,
    placeholder: quote.speaker ? `Now: ${escapeIcons(quote.speaker.name)}. Pick or type the speaker` : 'Pick or type the speaker',
  };
}

/** The quotes to pick from, each with its words, its article and its speaker. */
export function quoteChoices(corpus: CorpusReader, quotes: readonly CorpusQuote[]): { label: string; description: string; quote: CorpusQuote }[] {
  return quotes.map((q) => {
    const doc = corpus.document(q.uri);
    return {
      label: escapeIcons(`“${truncate(q.text, 90)}”`),
      description: escapeIcons([doc?.source ?? doc?.title ?? q.uri, q.speaker?.name ?? 'speaker not named'].join(' · ')),
      quote: q,
    };
  });
}

/** The quotes a quote may be linked to: those of its kind it is not linked to already. */
export function linkCandidates(corpus: Pick<Corpus, 'documents' | 'linkedIds'>, quote: CorpusQuote): CorpusQuote[] {
  const linked = new Set(corpus.linkedIds(quote.id));
  return corpus.documents().flatMap((d) => d.quotes).filter((q) => q.id !== quote.id && !linked.has(q.id) && q.kind === quote.kind);
}

/**
 * The name a selection marks: the selection without the white space around it, on one line and no
 * longer than a name; undefined when there is none.
 */
export function selectedName(text: string, offset: number, end: number): Span | undefined {
  const raw = text.slice(offset, end);
  const start = offset + (raw.length - raw.trimStart().length);
  const stop = end - (raw.length - raw.trimEnd().length);
  if (stop <= start || stop - start > MAX_NAME_LENGTH || /[\r\n]/.test(text.slice(start, stop))) return undefined;
  return { start, end: stop };
}

/**
 * The folder Undo takes a correction back from when none was added in this session: the active
 * editor's folder when it has corrections, else the first folder that has any (`counts`: how many
 * entries each folder's file holds).
 */
export function folderWithCorrections(active: string | undefined, counts: ReadonlyMap<string, number>): string | undefined {
  const has = (folder: string | undefined): folder is string => folder !== undefined && (counts.get(folder) ?? 0) > 0;
  return has(active) ? active : [...counts.keys()].find(has);
}

/** The path of an article inside its folder (`a/b.txt`), by their URI paths; undefined when it is not inside. */
export function articlePath(folderPath: string, articleUriPath: string): string | undefined {
  const base = folderPath.endsWith('/') ? folderPath : `${folderPath}/`;
  return articleUriPath.startsWith(base) ? articleUriPath.slice(base.length) : undefined;
}

/** The quote a card's link or a row of the Quotes view names. */
export function quoteIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { kind?: unknown; quote?: { id?: unknown }; cluster?: { representative?: { id?: unknown } } };
  const id = node.kind === 'version' ? node.quote?.id : node.kind === 'cluster' ? node.cluster?.representative?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function isTarget(arg: unknown): arg is CorrectionTarget {
  return typeof arg === 'object' && arg !== null && typeof (arg as CorrectionTarget).uri === 'string' && typeof (arg as CorrectionTarget).offset === 'number';
}

/** The entity a row of the Entities view names, as its context menu passes it; else the argument as it is. */
export function entityArgument(arg: unknown): unknown {
  const id = typeof arg === 'object' && arg !== null ? (arg as { summary?: { entity?: { id?: unknown } } }).summary?.entity?.id : undefined;
  return typeof id === 'string' ? id : arg;
}
