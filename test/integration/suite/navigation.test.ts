import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/features/present/commandIds';
import { TERMS_GROUP } from '../../../src/features/present/treeModel';
import { analysed, closeAll, crossLinkedQuote, crosswire, eventually, open } from './helpers';

const offsets = (editor: vscode.TextEditor): [number, number] => [
  editor.document.offsetAt(editor.selection.start),
  editor.document.offsetAt(editor.selection.end),
];

describe('navigation commands', () => {
  afterEach(closeAll);

  it('moves to the next and previous quote, wrapping at the ends', async () => {
    const api = await crosswire();
    const candidate = api.corpus.documents().find((d) => d.quotes.length >= 2);
    assert.ok(candidate, 'an article with two quotes');
    const editor = await open(candidate.uri);
    const quotes = [...(await analysed(api, editor)).quotes].sort((a, b) => a.start - b.start);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(Commands.nextQuote);
    assert.deepEqual(offsets(editor), [quotes[0]!.start, quotes[0]!.end]);
    await vscode.commands.executeCommand(Commands.nextQuote);
    assert.deepEqual(offsets(editor), [quotes[1]!.start, quotes[1]!.end]);
    await vscode.commands.executeCommand(Commands.previousQuote);
    assert.deepEqual(offsets(editor), [quotes[0]!.start, quotes[0]!.end]);
    await vscode.commands.executeCommand(Commands.previousQuote);
    const last = quotes[quotes.length - 1]!;
    assert.deepEqual(offsets(editor), [last.start, last.end], 'wraps to the last quote');
  });

  it('opens a linked quote in its article with the quote selected', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair);
    await vscode.commands.executeCommand(Commands.openQuote, pair.other.id);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), pair.other.uri);
    assert.deepEqual(offsets(editor), [pair.other.start, pair.other.end]);
  });

  it('goes to the matching quote in another source: at once for one match, through a quick pick for more', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair);
    const editor = await open(pair.quote.uri);
    const inside = editor.document.positionAt(pair.quote.start + 1);
    editor.selection = new vscode.Selection(inside, inside);
    const elsewhere = api.corpus.linksOf(pair.quote.id).filter((l) => api.corpus.uriOf(l.to) !== pair.quote.uri).length;
    const running = vscode.commands.executeCommand(Commands.goToMatchingQuote);
    if (elsewhere === 1) {
      // Nothing to choose: the command itself opens the other article.
      await running;
    } else {
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await running;
    }
    await eventually(() => vscode.window.activeTextEditor?.document.uri.toString() !== pair.quote.uri, 'another article to open');
    const opened = vscode.window.activeTextEditor!;
    const target = api.corpus.quoteAt(opened.document.uri.toString(), opened.document.offsetAt(opened.selection.start));
    assert.ok(target, 'the selection is on a quote');
    assert.ok(api.corpus.linksOf(pair.quote.id).some((l) => l.to === target.id), 'the quote opened is a linked version');
  });

  it('lists references: linked versions of a quote, and every mention of an entity', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair);
    const editor = await open(pair.quote.uri);
    const quoteRefs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      editor.document.uri,
      editor.document.positionAt(pair.quote.start + 1),
    );
    assert.ok(quoteRefs.some((l) => l.uri.toString() === pair.other.uri), 'a version in another article');

    const doc = api.corpus.documents().find((d) => d.mentions.some((m) => m.entity && api.corpus.mentionsOf(m.entity).length > 1));
    assert.ok(doc, 'an entity mentioned more than once');
    const mention = doc.mentions.find((m) => m.entity && api.corpus.mentionsOf(m.entity).length > 1)!;
    const mentionEditor = await open(doc.uri);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      mentionEditor.document.uri,
      mentionEditor.document.positionAt(mention.start),
    );
    assert.equal(refs.length, api.corpus.mentionsOf(mention.entity!).length);
  });

  it('gives a quote no other article carries no references, and one with a single other version both places, so Go to References peeks rather than jumps', async () => {
    const api = await crosswire();
    const quotes = api.corpus.documents().flatMap((d) => d.quotes);
    const alone = quotes.find((q) => api.corpus.linksOf(q.id).length === 0 && !api.corpus.mentionAt(q.uri, q.start + 1));
    const paired = quotes.find((q) => api.corpus.linksOf(q.id).length === 1 && !api.corpus.mentionAt(q.uri, q.start + 1));
    assert.ok(alone && paired, 'a quote with no match and one with exactly one');
    const refs = async (q: typeof alone): Promise<vscode.Location[]> => {
      const editor = await open(q.uri);
      return vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, editor.document.positionAt(q.start + 1));
    };
    assert.deepEqual(await refs(alone), [], 'a quote carried nowhere else lists itself');
    const both = await refs(paired);
    const other = api.corpus.quote(api.corpus.linksOf(paired.id)[0]!.to)!;
    // VS Code hands them back in its own order (by file, then place).
    const where = (l: vscode.Location): string => `${l.uri.toString()}:${l.range.start.line}`;
    assert.deepEqual(both.map(where).sort(), [
      `${paired.uri}:${(await open(paired.uri)).document.positionAt(paired.start).line}`,
      `${other.uri}:${(await open(other.uri)).document.positionAt(other.start).line}`,
    ].sort());
  });

  it('outlines an article’s quotes under their speakers', async () => {
    const api = await crosswire();
    const doc = api.corpus.documents().find((d) => d.quotes.some((q) => q.speaker));
    assert.ok(doc, 'an article with an attributed quote');
    const editor = await open(doc.uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    const listed = symbols.reduce((n, s) => n + s.children.length, 0);
    assert.equal(listed, doc.quotes.filter((q) => q.depth === 0).length);
    const speaker = doc.quotes.find((q) => q.speaker)!.speaker!.name;
    assert.ok(symbols.some((s) => s.name === speaker), `a group for ${speaker}`);
  });

  it('shows speakers as classes and the terms as a list of another kind and name, never as `{}` objects', async () => {
    const api = await crosswire();
    const doc = api.corpus.documents().find((d) => d.quotes.some((q) => q.speaker) && d.quotes.some((q) => q.kind === 'term' && !q.speaker && q.depth === 0));
    assert.ok(doc, 'an article with an attributed statement and a term');
    const editor = await open(doc.uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const terms = symbols.filter((s) => s.name === TERMS_GROUP);
    assert.equal(terms.length, 1, 'one group of terms');
    assert.equal(terms[0]!.kind, vscode.SymbolKind.Array);
    assert.match(terms[0]!.detail, /^\d+ terms?$/);
    const speakers = symbols.filter((s) => s.name !== TERMS_GROUP);
    assert.ok(speakers.length > 0);
    for (const s of speakers) assert.equal(s.kind, vscode.SymbolKind.Class, `${s.name} is shown as ${vscode.SymbolKind[s.kind]}`);
    assert.ok(!symbols.some((s) => s.kind === vscode.SymbolKind.Object || s.kind === vscode.SymbolKind.Namespace));
  });

  it('lists an entity’s mentions across articles and opens the one chosen', async () => {
    const api = await crosswire();
    const entity = api.corpus.entities().find((e) => new Set(api.corpus.mentionsOf(e.id).map((m) => m.uri)).size > 1);
    assert.ok(entity, 'an entity named in more than one article');
    const running = vscode.commands.executeCommand(Commands.showEntityMentions, entity.id);
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'a mention was opened');
    const at = api.corpus.mentionAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.start));
    assert.equal(at?.entity, entity.id);
    assert.equal(editor.document.getText(editor.selection), at.text);
  });

  it('reveals the entity under the cursor in the Entities view', async () => {
    const api = await crosswire();
    const doc = api.corpus.documents().find((d) => d.mentions.some((m) => m.entity));
    assert.ok(doc);
    const mention = doc.mentions.find((m) => m.entity)!;
    const editor = await open(doc.uri);
    const at = editor.document.positionAt(mention.start);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand(Commands.revealEntity);
    await vscode.commands.executeCommand(Commands.revealEntity, mention.entity);
  });

  it('hides the highlights in this workspace only, leaving the user’s setting alone, and turns the setting back on when it was off', async () => {
    await crosswire();
    const section = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('crosswire');
    const config = (): boolean | undefined => section().get<boolean>('highlight.enabled');
    const before = config();
    await vscode.commands.executeCommand(Commands.toggleHighlights);
    assert.equal(config(), before, 'hiding the highlights here changed the user’s setting');
    await vscode.commands.executeCommand(Commands.toggleHighlights);
    assert.equal(config(), before);
    await section().update('highlight.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand(Commands.toggleHighlights);
      assert.equal(config(), true, 'Toggle Highlights did not turn the highlights on where the setting had them off');
    } finally {
      await section().update('highlight.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
