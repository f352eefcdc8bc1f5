/**
 * brat standoff: for each article a copy of its text (`.txt`, UTF-8) and beside it an `.ann` file of
 * its annotations, with an `annotation.conf` at the top that declares their types, as brat needs to
 * show them. Text-bound annotations (`T`) mark names (Person, Place, Organization), quotes (Statement,
 * Term) and speakers that are not names (Speaker: a role, a pronoun); a `Said_by` relation (`R`) joins
 * a quote to its speaker; notes (`#`) give each quote's id and links and each name's entity, which
 * brat cannot otherwise express across documents.
 *
 * brat counts offsets in characters (code points) of the text file, not in UTF-16 code units, and an
 * annotation's text must be on one line, so a span across a line break is written as fragments
 * (`start end;start end`) and its text as the fragments' texts joined by spaces, as brat itself does.
 */
import type { Corpus } from '../corpus';
import { codePointOffsets } from '../text/code-points';
import type { EntityType, Span } from '../types';
import { exportedDocuments, exportLinks, type ExportFile, type ExportOptions } from './model';

const ENTITY_TYPES: Readonly<Record<EntityType, string>> = { person: 'Person', place: 'Place', organization: 'Organization' };

export const BRAT_CONFIGURATION = `[entities]
Person
Place
Organization
Statement
Term
Speaker

[relations]
Said_by Arg1:Statement|Term, Arg2:Person|Organization|Place|Speaker

[events]

[attributes]
`;

export function bratExport(corpus: Corpus, options: ExportOptions): ExportFile[] {
  const files: ExportFile[] = [{ path: 'annotation.conf', content: BRAT_CONFIGURATION }];
  const used = new Set<string>(['annotation']);
  for (const d of exportedDocuments(corpus, options)) {
    const base = uniqueBase(options.nameOf(d.uri), used);
    const text = d.text;
    const cp = codePointOffsets(text);
    const lines: string[] = [];
    let t = 0;
    let notes = 0;
    const bound = (type: string, span: Span): string => {
      const id = `T${++t}`;
      const fragments = fragmentsOf(text, span);
      const where = fragments.map((f) => `${cp(f.start)} ${cp(f.end)}`).join(';');
      lines.push(`${id}\t${type} ${where}\t${fragments.map((f) => text.slice(f.start, f.end)).join(' ')}`);
      return id;
    };
    const note = (id: string, what: string): void => {
      lines.push(`#${++notes}\tAnnotatorNotes ${id}\t${oneLine(what)}`);
    };
    const mentionIds: string[] = [];
    for (const m of d.mentions) {
      const id = bound(ENTITY_TYPES[m.type], m);
      mentionIds.push(id);
      if (m.entity || m.corrected) note(id, [m.entity ? `entity ${m.entity}${nameOf(corpus, m.entity)}` : '', corrections(m.corrected)].filter(Boolean).join('; '));
    }
    const speakers = new Map<string, string>();
    let relations = 0;
    for (const q of d.quotes) {
      if (fragmentsOf(text, q).length === 0) continue;
      const id = bound(q.kind === 'statement' ? 'Statement' : 'Term', q);
      const links = exportLinks(corpus, q);
      note(id, `quote ${q.id}${links.length ? `; links: ${links.map((l) => `${l.to} ${l.relation} ${l.score.toFixed(3)}`).join(', ')}` : ''}${q.corrected ? `; ${corrections(q.corrected)}` : ''}`);
      const s = q.speaker;
      if (!s) continue;
      let target = s.mention !== null && s.mention >= 0 && s.mention < mentionIds.length ? mentionIds[s.mention] : undefined;
      if (!target) {
        const key = `${s.span.start}:${s.span.end}`;
        target = speakers.get(key);
        if (!target && fragmentsOf(text, s.span).length > 0) {
          target = bound('Speaker', s.span);
          speakers.set(key, target);
        }
      }
      if (target) lines.push(`R${++relations}\tSaid_by Arg1:${id} Arg2:${target}`);
    }
    files.push({ path: `${base}.txt`, content: text });
    files.push({ path: `${base}.ann`, content: lines.length ? lines.join('\n') + '\n' : '' });
  }
  return files;
}

/** The parts of a span between line breaks, empty parts left out. */
function fragmentsOf(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || text[i] === '\n' || text[i] === '\r') {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** An article's name without `.txt`, made unique among the names already given (case aside, as some disks compare). */
function uniqueBase(name: string, used: Set<string>): string {
  const stem = name.replace(/\.txt$/i, '');
  let base = stem;
  for (let n = 2; used.has(base.toLowerCase()); n++) base = `${stem}-${n}`;
  used.add(base.toLowerCase());
  return base;
}

function nameOf(corpus: Corpus, entity: string): string {
  const e = corpus.entity(entity);
  return e ? ` (${e.name})` : '';
}

/** What a reader corrected of an item, for its note. */
function corrections(kinds: readonly string[] | undefined): string {
  return kinds?.length ? `corrected: ${kinds.join(', ')}` : '';
}

function oneLine(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}
