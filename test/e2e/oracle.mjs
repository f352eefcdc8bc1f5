// @ts-check
// What the workbench should show, taken from the command line's JSON report over the same copy
// of the workspace. The end-to-end tests check that the editor presents that analysis faithfully
// (right place, right card, right destination); the analysis itself is tested by the unit tests.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @typedef {object} Quote
 * @property {string} id
 * @property {number} start
 * @property {number} end
 * @property {string} text
 * @property {'statement' | 'term'} kind
 * @property {string | null} speaker
 */

/**
 * @typedef {object} Doc
 * @property {string} name     file name, as the explorer and the tab show it
 * @property {string} text     the text the editor shows
 * @property {string} title
 * @property {string | null} source
 * @property {string[]} names  every way a person may see this article named: outlet, title, file
 * @property {Quote[]} quotes  in reading order
 */

/**
 * @typedef {object} Located
 * @property {Doc} doc
 * @property {Quote} quote
 * @property {number} line    1-based, as Go to Line takes it
 * @property {number} column  1-based, at the first quoted character
 */

/**
 * @typedef {object} Oracle
 * @property {() => { from: Located, to: Located } | undefined} bestCrossSourcePair
 * @property {(quoteId: string) => Located[]} linkedQuotesElsewhere
 * @property {(name: string) => Doc} document
 * @property {(name: string, line: number, column: number) => number | null} offsetOf
 * @property {(name: string, offset: number) => string} locate
 * @property {() => { id: string, name: string, aliases: string[], mentions: number, documents: string[] }[]} mergedPeople
 * @property {(entityId: string) => { doc: Doc, start: number, end: number, text: string }[]} mentionsOf
 * @property {(quoteId: string) => number} linkCount every quote the analysis links this one to, in any article
 * @property {() => (Mention & { line: number, column: number, quote: Quote | undefined })[]} mentions every mention, with the quote it stands in
 */

/**
 * @typedef {{ doc: Doc, start: number, end: number, text: string, entity: string | null, confidence: number | undefined }} Mention
 */

/**
 * Runs the built command line over `workspace` and indexes its report.
 * @param {string} workspace
 * @returns {Oracle}
 */
export function loadOracle(workspace) {
  const files = readdirSync(workspace).filter((n) => !n.startsWith('.')).map((n) => join(workspace, n));
  const json = execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'analyze', '--json', ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  /** @type {import('../../src/core/report.js').JsonReport} */
  const report = JSON.parse(json);

  /** @type {Map<string, Doc>} */
  const docs = new Map();
  /** @type {Map<string, { doc: Doc, quote: Quote }>} */
  const quotes = new Map();
  for (const d of report.documents) {
    const name = basename(d.path);
    const text = readFileSync(d.path, 'utf8').replace(/^\uFEFF/, '');
    const doc = {
      name,
      text,
      title: d.title,
      source: d.source,
      names: [d.source, d.title, name].filter((n) => typeof n === 'string' && n.length > 0).map(String),
      quotes: [...d.quotes].sort((a, b) => a.start - b.start),
    };
    docs.set(name, doc);
    for (const q of doc.quotes) quotes.set(q.id, { doc, quote: q });
  }

  /** @type {{ doc: Doc, start: number, end: number, text: string, entity: string | null }[]} */
  const mentions = report.documents.flatMap((d) => {
    const doc = /** @type {Doc} */ (docs.get(basename(d.path)));
    return d.mentions.map((m) => ({ doc, start: m.start, end: m.end, text: m.text, entity: m.entity, confidence: m.confidence }));
  });

  /** @type {Map<string, Set<string>>} */
  const linked = new Map();
  const addLink = (/** @type {string} */ a, /** @type {string} */ b) => {
    if (!linked.has(a)) linked.set(a, new Set());
    linked.get(a)?.add(b);
  };
  for (const l of report.links) {
    addLink(l.from, l.to);
    addLink(l.to, l.from);
  }

  /** @param {{ doc: Doc, quote: Quote }} q @returns {Located} */
  const located = ({ doc, quote }) => {
    const { line, column } = position(doc.text, quote.start);
    return { doc, quote, line, column };
  };

  return {
    bestCrossSourcePair() {
      /** @type {Record<string, number>} */
      const relationRank = { identical: 0, variant: 1, fragment: 2 };
      const candidates = report.links
        .map((l) => ({ link: l, from: quotes.get(l.from), to: quotes.get(l.to) }))
        .filter((c) => c.from && c.to && c.from.doc !== c.to.doc && c.from.quote.kind === 'statement' && c.to.quote.kind === 'statement');
      candidates.sort(
        (a, b) =>
          relationRank[a.link.relation] - relationRank[b.link.relation] ||
          b.link.score - a.link.score ||
          (a.from?.quote.start ?? 0) - (b.from?.quote.start ?? 0),
      );
      const best = candidates[0];
      return best?.from && best.to ? { from: located(best.from), to: located(best.to) } : undefined;
    },
    linkedQuotesElsewhere(quoteId) {
      const self = quotes.get(quoteId);
      return [...(linked.get(quoteId) ?? [])]
        .map((id) => quotes.get(id))
        .filter((q) => q !== undefined && q.doc !== self?.doc)
        .map((q) => located(/** @type {{ doc: Doc, quote: Quote }} */ (q)));
    },
    document(name) {
      const doc = docs.get(name);
      if (!doc) throw new Error(`no analysis of ${name}`);
      return doc;
    },
    offsetOf(name, line, column) {
      const text = docs.get(name)?.text;
      if (text === undefined) return null;
      let start = 0;
      for (let l = 1; l < line; l++) {
        const next = text.indexOf('\n', start);
        if (next < 0) return null;
        start = next + 1;
      }
      return start + column - 1;
    },
    locate(name, offset) {
      const text = docs.get(name)?.text ?? '';
      const { line, column } = position(text, offset);
      return `${line}:${column}`;
    },
    mergedPeople() {
      return report.entities
        .filter((e) => e.type === 'person' && e.aliases.length > 0 && e.documents.length >= 2)
        .map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, mentions: e.mentions, documents: e.documents }));
    },
    mentionsOf(entityId) {
      return mentions.filter((m) => m.entity === entityId);
    },
    linkCount(quoteId) {
      return linked.get(quoteId)?.size ?? 0;
    },
    mentions() {
      return mentions.map((m) => ({
        ...m,
        ...position(m.doc.text, m.start),
        quote: m.doc.quotes.find((q) => q.start <= m.start && m.end <= q.end),
      }));
    },
  };
}

/**
 * @param {string} text
 * @param {number} offset
 */
function position(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
