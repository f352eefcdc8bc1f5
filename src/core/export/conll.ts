/**
 * CoNLL-style token tags in `analysis.conll`: for each article a `-DOCSTART-` line naming it, then
 * one token a line (word or punctuation sign) with tab-separated columns — the token, its start and
 * end (UTF-16 offsets into the text), its name tag and its quote tag, both BIO (`B-PER`, `I-PER`,
 * `B-LOC`, `B-ORG`; `B-STATEMENT`, `I-TERM`; `O` outside) — and a blank line after each sentence.
 * Words are split where a name or a quote begins or ends ("China’s" is "China" and "’s", as in
 * CoNLL-2003), so every name is a run of whole tokens; a token takes the tag of the name it is in,
 * and of the outermost quote it lies in.
 */
import type { Corpus } from '../corpus';
import { sentenceSpans } from '../text/sentences';
import { tokenize, type Token } from '../text/words';
import type { EntityType, Span } from '../types';
import { exportedDocuments, type ExportFile, type ExportOptions } from './model';

const NER_TAGS: Readonly<Record<EntityType, string>> = { person: 'PER', place: 'LOC', organization: 'ORG' };

export function conllExport(corpus: Corpus, options: ExportOptions): ExportFile[] {
  const out: string[] = [];
  for (const d of exportedDocuments(corpus, options)) {
    out.push(`-DOCSTART-\t${options.nameOf(d.uri).replace(/\s+/g, '_')}`, '');
    const quotes = d.quotes.filter((q) => q.depth === 0);
    const opaque = quotes.map((q) => q.outer);
    const cuts = new Set<number>();
    for (const s of [...d.mentions, ...quotes]) cuts.add(s.start).add(s.end);
    const nameTag = tagger(d.mentions.map((m) => ({ span: m, tag: NER_TAGS[m.type] })), (t, s) => t.start >= s.start && t.start < s.end);
    const quoteTag = tagger(quotes.map((q) => ({ span: q, tag: q.kind.toUpperCase() })), (t, s) => t.start >= s.start && t.end <= s.end);
    for (const p of d.paragraphs) {
      for (const sentence of sentenceSpans(d.text, p, opaque)) {
        const tokens = splitAt(tokenize(d.text, sentence.start, sentence.end), cuts);
        if (tokens.length === 0) continue;
        for (const t of tokens) out.push([t.text, String(t.start), String(t.end), nameTag(t), quoteTag(t)].join('\t'));
        out.push('');
      }
    }
  }
  return [{ path: 'analysis.conll', content: out.join('\n') + '\n' }];
}

/** Tokens cut at the offsets in `cuts` that fall strictly inside them. */
function splitAt(tokens: readonly Token[], cuts: ReadonlySet<number>): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    let start = t.start;
    for (let i = t.start + 1; i < t.end; i++) {
      if (!cuts.has(i)) continue;
      out.push({ ...t, start, end: i, text: t.text.slice(start - t.start, i - t.start) });
      start = i;
    }
    out.push(start === t.start ? t : { ...t, start, text: t.text.slice(start - t.start) });
  }
  return out;
}

/**
 * BIO tags of tokens in text order from sorted, non-overlapping spans: `B-` for the first token a span
 * takes, `I-` for the next ones. Each call must be for a later token than the one before.
 */
function tagger(spans: readonly { span: Span; tag: string }[], inside: (token: Span, span: Span) => boolean): (token: Span) => string {
  let i = 0;
  let taken = -1;
  return (token) => {
    while (i < spans.length && spans[i]!.span.end <= token.start) i++;
    const s = spans[i];
    if (!s || !inside(token, s.span)) return 'O';
    const first = taken !== i;
    taken = i;
    return `${first ? 'B' : 'I'}-${s.tag}`;
  };
}
