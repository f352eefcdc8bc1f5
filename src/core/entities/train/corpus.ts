/**
 * Training and development documents as raw text with gold names at character offsets, so that the
 * tagger learns from exactly the tokens, sentences and features it meets in articles.
 *
 * CoNLL-2003 (`TOKEN TAG` a line, IOBES tags, `-DOCSTART-` between documents) is turned back into
 * text: one sentence a line, tokens joined the way newswire prints them ("Blinken's", "(Reuters)",
 * quotes closed up). The project's own annotated articles (`test/fixtures/ner`) are already text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RawMention } from '../../types';
import type { ConllType } from '../labels';

/** A gold name: character offsets into the document's text. */
export interface GoldName {
  readonly start: number;
  readonly end: number;
  readonly type: ConllType;
}

export interface GoldDocument {
  readonly name: string;
  readonly text: string;
  readonly names: readonly GoldName[];
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

/** Reads a CoNLL file into documents of text with gold names. */
export function readConll(path: string): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let sentences: [string, string][][] = [];
  let cur: [string, string][] = [];
  const flushSentence = (): void => {
    if (cur.length) sentences.push(cur);
    cur = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length) docs.push(detokenize(`${path.split('/').pop()}#${docs.length}`, sentences));
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t) { flushSentence(); continue; }
    const sp = t.lastIndexOf(' ');
    const word = t.slice(0, sp);
    const tag = t.slice(sp + 1);
    if (word === '-DOCSTART-') { flushDoc(); continue; }
    cur.push([word, tag]);
  }
  flushDoc();
  return docs;
}

function detokenize(name: string, sentences: [string, string][][]): GoldDocument {
  let text = '';
  const names: GoldName[] = [];
  for (const s of sentences) {
    if (text) text += '\n';
    let quoteOpen = false;
    let glue = true;
    let open = -1;
    for (const [word, tag] of s) {
      let space = !glue;
      if (NO_SPACE_BEFORE.has(word)) space = false;
      let nextGlue = NO_SPACE_AFTER.has(word);
      if (word === '"') {
        if (quoteOpen) space = false;
        else nextGlue = true;
        quoteOpen = !quoteOpen;
      }
      if (space) text += ' ';
      const start = text.length;
      text += word;
      glue = nextGlue;
      const part = tag[0];
      const type = tag.slice(2) as ConllType;
      if (part === 'S') names.push({ start, end: text.length, type });
      else if (part === 'B') open = start;
      else if (part === 'E' && open >= 0) {
        names.push({ start: open, end: text.length, type });
        open = -1;
      }
    }
  }
  return { name, text: text + '\n', names };
}

const TYPE_OF: Record<RawMention['type'], ConllType> = { person: 'PER', place: 'LOC', organization: 'ORG' };

/** The project's annotated articles, as the development scorer reads them. */
export function readOwnSet(root: string): GoldDocument[] {
  const dir = join(root, 'test', 'fixtures', 'ner');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { source?: string; text?: string; mentions: RawMention[] };
    const text = data.text ?? readFileSync(join(root, data.source ?? ''), 'utf8');
    return { name: f.replace(/\.json$/, ''), text, names: data.mentions.map((m) => ({ start: m.start, end: m.end, type: TYPE_OF[m.type] })) };
  });
}
