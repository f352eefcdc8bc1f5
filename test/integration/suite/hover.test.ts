import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analysed, closeAll, crossLinkedQuote, crosswire, hoverText, open } from './helpers';

describe('hovers', () => {
  afterEach(closeAll);

  it('shows, on a quote, the other articles that report it, by title, with a link to open each', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair, 'the sample articles share at least one quote');
    const editor = await open(pair.quote.uri);
    const position = editor.document.positionAt(pair.quote.start + 1);
    const text = await hoverText(editor.document.uri, position);
    const otherTitle = api.corpus.document(pair.other.uri)!.title;
    // Titles are escaped markdown: compare on the words, ignoring the backslashes.
    assert.ok(text.replace(/\\/g, '').includes(otherTitle), `hover names “${otherTitle}”`);
    assert.match(text, /Also reported by/);
    assert.match(text, /\(command:crosswire\.openQuote\?/);
    for (const m of text.matchAll(/command:([\w.]+)/g)) assert.match(m[1]!, /^crosswire\./, 'only crosswire commands are linked');
  });

  it('shows, on a name, the entity with its mention count and links to the tree and the mentions', async () => {
    const api = await crosswire();
    const doc = api.corpus.documents().find((d) => d.mentions.some((m) => m.entity));
    assert.ok(doc, 'some article names a known entity');
    const mention = doc.mentions.find((m) => m.entity)!;
    const entity = api.corpus.entity(mention.entity!)!;
    const editor = await open(doc.uri);
    const text = await hoverText(editor.document.uri, editor.document.positionAt(mention.start));
    assert.ok(text.replace(/\\/g, '').includes(entity.name));
    assert.match(text, new RegExp(`Mentioned ${api.corpus.mentionsOf(entity.id).length} time`));
    assert.match(text, /command:crosswire\.revealEntity/);
    assert.match(text, /command:crosswire\.showEntityMentions/);
  });

  it('shows nothing outside quotes and names', async () => {
    const api = await crosswire();
    const editor = await open(api.corpus.documents()[0]!.uri);
    const doc = await analysed(api, editor);
    const busy = (o: number): boolean =>
      doc.quotes.some((q) => q.outer.start <= o && o < q.outer.end) || doc.mentions.some((m) => m.start <= o && o < m.end);
    // The first character after a name: the pointer there is no longer on the name.
    const after = doc.mentions.find((m) => !busy(m.end))?.end;
    assert.ok(after !== undefined, 'a name followed by plain text');
    const besideName = await hoverText(editor.document.uri, editor.document.positionAt(after));
    assert.doesNotMatch(besideName, /Mentioned|crosswire/);
    let offset = 0;
    while (offset < doc.text.length && (busy(offset) || /\s/.test(doc.text[offset]!))) offset++;
    assert.ok(offset < doc.text.length, 'the article has plain text');
    const text = await hoverText(editor.document.uri, editor.document.positionAt(offset));
    assert.doesNotMatch(text, /crosswire|Also reported by|Mentioned/);
  });

  it('follows unsaved edits: the hover reflects the text in the editor, not on disk', async () => {
    const api = await crosswire();
    const doc = api.corpus.documents()[0]!;
    const editor = await open(doc.uri);
    const inserted = 'The minister said: “Completely unprecedented words never printed elsewhere.”\n\n';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted));
    const text = await hoverText(editor.document.uri, editor.document.positionAt(inserted.indexOf('unprecedented')));
    assert.match(text, /Statement/);
    assert.match(text, /No matching quote found in the other articles/);
    const analysed = api.corpus.document(doc.uri)!;
    assert.equal(analysed.version, editor.document.version);
    assert.ok(analysed.text.startsWith(inserted));
  });
});
