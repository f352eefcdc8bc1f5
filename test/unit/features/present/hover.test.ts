import { strict as assert } from 'node:assert';
import { HOVER_COMMANDS } from '../../../../src/features/present/commandIds';
import {
  entityCardMarkdown,
  linkedVersions,
  nameInQuoteCardMarkdown,
  quoteCardMarkdown,
  renderDiff,
} from '../../../../src/features/present/hoverContent';
import { FakeCorpus, link, mention, quoteAt, speaker, toHtml } from '../../../support/fake-corpus';

const A = 'file:///w/a.txt';
const B = 'file:///w/b.txt';
const C = 'file:///w/c.txt';

/** Every href in rendered HTML. */
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

describe('quote hover card', () => {
  const hovered = quoteAt(A, 'a-q0', 'China must address the issue', 10, { speaker: speaker('Antony Blinken') });
  const inB = quoteAt(B, 'b-q2', 'China must address this issue now', 40, { speaker: speaker('Blinken') });
  const inC = quoteAt(C, 'c-q1', 'China must address the issue', 5);
  const corpus = new FakeCorpus(
    [hovered, inB, inC],
    [
      link('a-q0', 'b-q2', 0.74, 'variant', [
        { op: 'common', text: 'China must address ' },
        { op: 'from', text: 'the' },
        { op: 'to', text: 'this' },
        { op: 'common', text: ' issue' },
        { op: 'to', text: ' now' },
      ]),
      link('a-q0', 'c-q1', 1, 'identical'),
    ],
    { [A]: 'Blinken in Beijing', [B]: 'US warns China over Russia', [C]: 'Talks end in Beijing' },
  );

  it('names the speaker and kind, then every other article by its title, best match first', () => {
    const md = quoteCardMarkdown(hovered, linkedVersions(corpus, hovered), { maxLinks: 5 });
    const html = toHtml(md);
    assert.match(html, /<strong>Statement<\/strong> · said by <strong>Antony Blinken<\/strong>/);
    assert.match(html, /Also reported by<\/strong> \(2 articles\)/);
    const c = html.indexOf('Talks end in Beijing');
    const b = html.indexOf('US warns China over Russia');
    assert.ok(c > 0 && b > c, 'the identical version (score 1) is listed before the variant');
    assert.match(html, /word for word/);
    assert.doesNotMatch(html, /100%/, 'a copy word for word needs no figure');
    assert.match(html, /reworded · wording 74% alike · said by Blinken/);
    assert.doesNotMatch(html.replace(/<[^>]*>/g, ''), /\d%(?! alike)/, 'a bare percentage');
  });

  it('marks the words each version has alone: struck through here, bold there', () => {
    const html = toHtml(quoteCardMarkdown(hovered, linkedVersions(corpus, hovered), { maxLinks: 5 }));
    assert.match(html, /China must address <del>the<\/del><strong>this<\/strong> issue <strong>now<\/strong>/);
    assert.match(html, /<del>struck<\/del> words are only in this article, <strong>bold<\/strong> ones only in theirs/);
  });

  it('links each version to crosswire.openQuote, a reworded one and the card to Compare Versions, the quote to its corrections, and to nothing else', () => {
    const html = toHtml(quoteCardMarkdown(hovered, linkedVersions(corpus, hovered), { maxLinks: 5 }));
    const links = hrefs(html).map((href) => {
      const [command, args] = href.split('?');
      assert.ok(HOVER_COMMANDS.includes(command!.replace(/^command:/, '')), command);
      return `${command} ${decodeURIComponent(args!)}`;
    });
    assert.deepEqual(links.sort(), [
      'command:crosswire.compareVersions ["a-q0","b-q2"]',
      'command:crosswire.compareVersions ["a-q0"]',
      'command:crosswire.notAQuote ["a-q0"]',
      'command:crosswire.openQuote ["b-q2"]',
      'command:crosswire.openQuote ["c-q1"]',
      'command:crosswire.setSpeaker ["a-q0"]',
    ]);
  });

  it('says when a reader set the speaker or corrected the quote', () => {
    const set = { ...hovered, speaker: speaker('Ana Lopes'), corrected: ['set-speaker' as const] };
    assert.match(toHtml(quoteCardMarkdown(set, [], { maxLinks: 5 })), /said by <strong>Ana Lopes<\/strong> · <em>speaker set by a reader<\/em>/);
    const unlinked = { ...hovered, corrected: ['unlink-quotes' as const] };
    assert.match(toHtml(quoteCardMarkdown(unlinked, [], { maxLinks: 5 })), /<em>corrected<\/em>/);
    assert.doesNotMatch(toHtml(quoteCardMarkdown(hovered, [], { maxLinks: 5 })), /corrected|set by a reader/);
  });

  it('shows the part of a longer version that matched with a few of its words around it, not the whole statement', () => {
    const long = 'We met for six hours on Tuesday and China must address the issue now, or we will act, and we will say so at the summit next week.';
    const start = long.indexOf('China');
    const end = long.indexOf(', or we');
    const inD = quoteAt('file:///w/d.txt', 'd-q0', long, 5);
    const partLink: ReturnType<typeof link> = {
      ...link('a-q0', 'd-q0', 0.8, 'variant', [{ op: 'common', text: 'China must address ' }, { op: 'from', text: 'the' }, { op: 'to', text: 'the' }, { op: 'common', text: ' issue' }, { op: 'to', text: ' now' }]),
      part: { to: { start, end } },
    };
    const fake = new FakeCorpus([hovered, inD], [partLink], { [A]: 'Blinken in Beijing', 'file:///w/d.txt': 'Summit looms' });
    const html = toHtml(quoteCardMarkdown(hovered, linkedVersions(fake, hovered), { maxLinks: 5 }));
    assert.match(html, /…for six hours on Tuesday and China must address/);
    assert.match(html, /<strong>now<\/strong>, or we will act, and…/);
    assert.doesNotMatch(html, /summit next week/, 'the rest of the long version is left out');
  });

  it('collapses copies word for word into one line naming their articles', () => {
    const D = 'file:///w/d.txt';
    const inD = quoteAt(D, 'd-q0', 'China must address the issue', 5);
    const wire = new FakeCorpus(
      [hovered, inB, inC, inD],
      [link('a-q0', 'b-q2', 0.74, 'variant', [{ op: 'common', text: 'China must address the issue' }, { op: 'to', text: ' now' }]), link('a-q0', 'c-q1', 1, 'identical'), link('a-q0', 'd-q0', 1, 'identical')],
      { [A]: 'Blinken in Beijing', [B]: 'US warns China over Russia', [C]: 'Talks end in Beijing', [D]: 'Wire copy' },
    );
    const html = toHtml(quoteCardMarkdown(hovered, linkedVersions(wire, hovered), { maxLinks: 5 }));
    assert.match(html, /Also reported by<\/strong> \(3 articles\)/);
    assert.match(html, /<strong>Word for word<\/strong> in 2 articles: <a [^>]*>Talks end in Beijing<\/a>, <a [^>]*>Wire copy<\/a>/);
    assert.equal(html.split('China must address').length - 1, 1, 'the copies’ words are not repeated; only the reworded version is shown');
  });

  it('lists at most maxLinks versions and offers the rest through Go to Matching Quote', () => {
    const html = toHtml(quoteCardMarkdown(hovered, linkedVersions(corpus, hovered), { maxLinks: 1 }));
    assert.ok(html.includes('Talks end in Beijing'));
    assert.ok(!html.includes('US warns China over Russia'));
    assert.match(html, /…and 1 more/);
    assert.doesNotMatch(html, /struck/, 'no legend when no word differences are shown');
    assert.ok(hrefs(html).some((h) => h.startsWith('command:crosswire.goToMatchingQuote?')));
  });

  it('names the speaker other articles give words its own article leaves unattributed, and says it does', () => {
    const told = { ...quoteAt(C, 'c-q1', 'China must address the issue', 5), speakerElsewhere: { name: 'Antony Blinken', entity: 'person:antony-blinken', articles: 2 } };
    const html = toHtml(quoteCardMarkdown(told, linkedVersions(corpus, told), { maxLinks: 5 }));
    assert.match(html, /said by <strong>Antony Blinken<\/strong>, as 2 other articles attribute it/);
    assert.match(html, /not named in this article/);
    const term = { ...told, kind: 'term' as const, speakerElsewhere: { ...told.speakerElsewhere, articles: 1 } };
    assert.match(toHtml(quoteCardMarkdown(term, [], { maxLinks: 5 })), /words of <strong>Antony Blinken<\/strong>, as 1 other article attributes them/);
  });

  it('says so when no other article reports the quote', () => {
    const alone = quoteAt(A, 'a-q5', 'nobody else wrote this', 100, { kind: 'statement' });
    const html = toHtml(quoteCardMarkdown(alone, linkedVersions(corpus, alone), { maxLinks: 5 }));
    assert.match(html, /speaker not named/);
    assert.match(html, /No matching quote found in the other articles/);
    assert.deepEqual(hrefs(html), [
      `command:crosswire.setSpeaker?${encodeURIComponent('["a-q5"]')}`,
      `command:crosswire.notAQuote?${encodeURIComponent('["a-q5"]')}`,
    ], 'only its corrections');
  });

  it('tells a term from a statement', () => {
    const term = quoteAt(A, 'a-q3', 'normal', 200, { kind: 'term' });
    const html = toHtml(quoteCardMarkdown(term, [], { maxLinks: 5 }));
    assert.match(html, /<strong>Term<\/strong> · words in quote marks, not a statement/);
  });

  it('keeps hostile article text inert: titles, speakers, quotes and diffs', () => {
    const evil = '[x](command:workbench.action.terminal.new) <img src=x> $(alert) &amp; ![i](http://e/i.png)';
    const q = quoteAt(A, 'a-q0', evil, 0, { speaker: speaker(evil) });
    const other = quoteAt(B, 'b-q0', evil, 0, { speaker: speaker(evil) });
    const evilCorpus = new FakeCorpus(
      [q, other],
      [link('a-q0', 'b-q0', 0.9, 'variant', [{ op: 'common', text: evil }, { op: 'to', text: evil }, { op: 'from', text: evil }])],
      { [A]: evil, [B]: evil },
    );
    const md = quoteCardMarkdown(q, linkedVersions(evilCorpus, q), { maxLinks: 5 });
    const html = toHtml(md);
    assert.deepEqual(hrefs(html).sort(), [
      `command:crosswire.compareVersions?${encodeURIComponent('["a-q0","b-q0"]')}`,
      `command:crosswire.compareVersions?${encodeURIComponent('["a-q0"]')}`,
      `command:crosswire.openQuote?${encodeURIComponent('["b-q0"]')}`,
      `command:crosswire.setSpeaker?${encodeURIComponent('["a-q0"]')}`,
      `command:crosswire.notAQuote?${encodeURIComponent('["a-q0"]')}`,
    ].sort());
    assert.doesNotMatch(html, /<img|<a href="(?!command:crosswire\.)/);
    assert.doesNotMatch(md, /(^|[^\\])\$\(/, 'no theme icon syntax survives');
    assert.ok(html.includes('&amp;amp;'), 'an entity in the text shows as written');
  });

  it('renders a diff with only common words as plain escaped text', () => {
    assert.equal(renderDiff([{ op: 'common', text: 'a *b* c' }]), 'a \\*b\\* c');
  });
});

describe('entity hover card', () => {
  const entity = { id: 'p1', name: 'Antony Blinken', type: 'person' as const, aliases: ['Blinken', 'Anthony Blinken'] };

  it('gives type, canonical name, aliases, reach, and links to the tree, the mentions and Not an Entity', () => {
    const m = mention(A, 0, 'Blinken', 5, entity);
    const html = toHtml(entityCardMarkdown(m, entity, { mentions: 12, articles: 4 }));
    assert.match(html, /<strong>Person<\/strong> · <strong>Antony Blinken<\/strong>/);
    assert.match(html, /Also written: Blinken · Anthony Blinken/);
    assert.match(html, /Mentioned 12 times in 4 articles/);
    assert.deepEqual(hrefs(html), [
      `command:crosswire.revealEntity?${encodeURIComponent('["p1"]')}`,
      `command:crosswire.showEntityMentions?${encodeURIComponent('["p1"]')}`,
      `command:crosswire.notAnEntity?${encodeURIComponent(JSON.stringify([{ uri: A, offset: 5 }]))}`,
    ]);
    assert.doesNotMatch(html, /corrected/);
    assert.match(toHtml(entityCardMarkdown({ ...m, corrected: ['change-type'] }, entity, { mentions: 12, articles: 4 })), /<em>corrected<\/em>/);
  });

  it('says how sure the recogniser was of this mention, unless the reader corrected it', () => {
    const m = { ...mention(A, 0, 'Blinken', 5, entity), confidence: 0.874 };
    assert.match(toHtml(entityCardMarkdown(m, entity, { mentions: 12, articles: 4 })), /<strong>Antony Blinken<\/strong> · confidence 87 %/);
    assert.doesNotMatch(toHtml(entityCardMarkdown(mention(A, 0, 'Blinken', 5, entity), entity, { mentions: 12, articles: 4 })), /confidence/);
    assert.doesNotMatch(toHtml(entityCardMarkdown({ ...m, corrected: ['change-type'] }, entity, { mentions: 12, articles: 4 })), /confidence/);
  });

  it('uses the singular for one mention in one article, and leaves out an empty alias line', () => {
    const lone = { ...entity, aliases: [] };
    const html = toHtml(entityCardMarkdown(mention(A, 0, 'Blinken', 5, lone), lone, { mentions: 1, articles: 1 }));
    assert.match(html, /Mentioned 1 time in 1 article</);
    assert.doesNotMatch(html, /Also written/);
    assert.doesNotMatch(html, /still being recognised/, 'final counts once indexing is over');
  });

  it('says the counts may grow while entities are still being recognised', () => {
    const lone = { id: 'p2', name: 'Ana Lopes', type: 'person' as const, aliases: [] };
    const html = toHtml(entityCardMarkdown(mention(A, 0, 'Lopes', 5, lone), lone, { mentions: 2, articles: 1 }, true));
    assert.match(html, /Mentioned 2 times in 1 article/);
    assert.match(html, /still being recognised in other articles/);
  });

  it('explains a name it cannot tie to one entity, linking only to Not an Entity', () => {
    const m = { ...mention(A, 0, 'Smith', 5, null), type: 'person' as const };
    const html = toHtml(entityCardMarkdown(m, undefined, undefined));
    assert.match(html, /<strong>Person<\/strong> · <strong>Smith<\/strong>/);
    assert.match(html, /more than one/);
    assert.deepEqual(hrefs(html), [`command:crosswire.notAnEntity?${encodeURIComponent(JSON.stringify([{ uri: A, offset: 5 }]))}`]);
  });
});

describe('hover card on a name inside a quote', () => {
  const entity = { id: 'p1', name: 'Antony Blinken', type: 'person' as const, aliases: ['Blinken'] };
  const quote = quoteAt(A, 'a-q0', 'China must address the issue, Blinken told them', 10, { speaker: speaker('Wang Yi') });
  const other = quoteAt(B, 'b-q1', 'China must address the issue, Blinken told them', 3);
  const corpus = new FakeCorpus([quote, other], [link('a-q0', 'b-q1', 1, 'identical')], { [A]: 'Talks in Beijing', [B]: 'Wire copy' });
  const name = { mention: mention(A, 0, 'Blinken', 41, entity), entity, stats: { mentions: 12, articles: 4 } };
  const html = toHtml(nameInQuoteCardMarkdown(name, quote, linkedVersions(corpus, quote), { maxLinks: 5 }));

  it('is one card: the name first, then the quote it stands in, with each heading once', () => {
    const person = html.indexOf('<strong>Person</strong> · <strong>Antony Blinken</strong>');
    const statement = html.indexOf('<strong>Statement</strong> · said by <strong>Wang Yi</strong>');
    assert.ok(person >= 0 && statement > person, html);
    assert.match(html, /Mentioned 12 times in 4 articles/);
    assert.match(html, /Also reported by<\/strong> \(1 article\)/);
    assert.equal(html.match(/<strong>Person<\/strong>/g)?.length, 1);
    assert.equal(html.match(/<strong>Statement<\/strong>/g)?.length, 1);
  });

  it('offers the corrections of both on one line, saying which applies to what', () => {
    assert.equal(html.match(/Correct/g)?.length, 1, 'one line of corrections');
    assert.match(html, /Correct the name: <a[^>]*>Not an Entity<\/a> · the quote: <a[^>]*>Set Speaker…<\/a> · <a[^>]*>Not a Quote<\/a>/);
    assert.deepEqual(
      hrefs(html).map((h) => h.split('?')[0]),
      ['command:crosswire.revealEntity', 'command:crosswire.showEntityMentions', 'command:crosswire.compareVersions', 'command:crosswire.openQuote', 'command:crosswire.notAnEntity', 'command:crosswire.setSpeaker', 'command:crosswire.notAQuote'],
    );
  });
});
