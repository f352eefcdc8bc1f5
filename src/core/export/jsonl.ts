/**
 * JSON Lines: one JSON object a line, each with a `type`: `article`, then `quote` and `mention` per
 * article, then `entity`. Offsets are UTF-16 code units into the decoded text, as in `analyze --json`.
 */
import type { Corpus } from '../corpus';
import { exportedDocuments, exportLinks, type ExportFile, type ExportOptions } from './model';

export function jsonlExport(corpus: Corpus, options: ExportOptions): ExportFile[] {
  const lines: string[] = [];
  const put = (record: object): void => {
    // U+2028 and U+2029 end a line for some readers of JSON Lines; escaped, the value is the same.
    lines.push(JSON.stringify(record).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`));
  };
  for (const d of exportedDocuments(corpus, options)) {
    const article = options.nameOf(d.uri);
    put({ type: 'article', article, title: d.title, source: d.source, date: d.date ?? null });
    for (const q of d.quotes) {
      put({
        type: 'quote', id: q.id, article, start: q.start, end: q.end, text: q.text, kind: q.kind,
        speaker: q.speaker?.name ?? null, speakerEntity: q.speakerEntity, speakerElsewhere: q.speakerElsewhere ?? null, unclosed: q.unclosed,
        links: exportLinks(corpus, q), corrected: q.corrected ?? [],
      });
    }
    for (const m of d.mentions) {
      put({ type: 'mention', article, start: m.start, end: m.end, text: m.text, entityType: m.type, entity: m.entity, corrected: m.corrected ?? [] });
    }
  }
  for (const e of corpus.entities()) {
    put({ type: 'entity', id: e.id, name: e.name, entityType: e.type, aliases: [...e.aliases], mentions: corpus.mentionStats(e.id).mentions, corrected: e.corrected ?? false });
  }
  return [{ path: 'analysis.jsonl', content: lines.join('\n') + '\n' }];
}
