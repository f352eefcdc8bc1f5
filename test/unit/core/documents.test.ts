import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeDocument } from '../../../src/core/documents';
import { paragraphs } from '../../../src/core/text/paragraphs';

function describe_(text: string, file = 'a1b2c3d4.txt') {
  return describeDocument(text, paragraphs(text), file);
}

function seed(name: string) {
  return describe_(readFileSync(join(__dirname, '../../../seeds', name), 'utf8'), name);
}

describe('document titles and sources', () => {
  it('skips a photo caption with a credit line to reach the headline, and reads the dateline agency', () => {
    const d = seed('000_44d6e05b2ad3ddd3.txt');
    assert.equal(d.title, 'Blinken urges China to halt military support to Russia');
    assert.equal(d.titleFrom, 'headline');
    assert.equal(d.source, 'EFE');
  });

  it('skips site chrome ("Connect with us", "World News") and reads a syndication credit', () => {
    const d = seed('003_2b7f539160dc2239.txt');
    assert.equal(d.title, 'In Beijing, Antony Blinken confronts China for ‘driving’ the Russian war');
    assert.equal(d.source, 'NDTV');
  });

  it('takes the outlet from an "Outlet: headline" lead and from a "headline — Site" suffix', () => {
    assert.deepEqual(seed('002_708bc86c8f4b88ce.txt').source, 'CNN');
    assert.equal(seed('002_708bc86c8f4b88ce.txt').title, 'Blinken urges China to cease support of Russian defense industry amid his latest trip');
    const rt = seed('004_3370ff8a36d960a3.txt');
    assert.equal(rt.title, 'Blinken to warn China against helping Russia in Ukraine');
    assert.equal(rt.source, 'RT');
  });

  it('falls back to a shortened lead sentence when no headline stands out, never to a bare hash', () => {
    const d = seed('001_7e1bd303d94b701a.txt');
    assert.equal(d.titleFrom, 'lead');
    assert.ok(d.title.startsWith('Secretary of State Anthony Blinken met with'));
    assert.ok(d.title.length <= 81, d.title);
    assert.equal(d.source, null, 'an outlet the article cites is not its source');
  });

  it('uses the file name when the text has no usable line', () => {
    assert.deepEqual(describe_('', 'notes.txt'), { title: 'notes.txt', titleFrom: 'file', source: null });
    assert.equal(describe_('Menu\n\nSubscribe\n', 'x.md').title, 'x.md');
  });

  it('does not take a label such as "Breaking:" for an outlet', () => {
    const d = describe_('Breaking: Storm closes the harbour for a second day\n\nThe storm hit on Monday.');
    assert.equal(d.title, 'Breaking: Storm closes the harbour for a second day');
    assert.equal(d.source, null);
  });

  it('reads a wire dateline in capitals', () => {
    const d = describe_('Parliament votes to extend the session\n\nLONDON (Reuters) - Lawmakers voted on Tuesday to extend the session.');
    assert.equal(d.title, 'Parliament votes to extend the session');
    assert.equal(d.source, 'Reuters');
  });

  it('does not split a headline with a colon into an outlet and a title unless the first half names an outlet', () => {
    for (const headline of ['Central bank chief: time to act', 'Bridge collapse: what we know so far', 'Recap: Francis Scott Key Bridge in Baltimore collapses, 6 presumed dead']) {
      const d = describe_(`${headline}\n\nThe bank raised rates on Tuesday.`);
      assert.equal(d.title, headline);
      assert.equal(d.source, null, headline);
    }
    assert.equal(describe_('Reuters: China demands Ukraine remove 14 firms from list\n\nx').source, 'Reuters');
    assert.equal(describe_('The Baltimore Sun: Crews begin clearing the channel\n\nx').source, 'The Baltimore Sun');
    assert.equal(describe_('Blinken in Beijing - Day Two Of Talks\n\nx').source, null, 'the second half of a headline is not a site');
    assert.equal(describe_('Biden pledges to rebuild the bridge | Yahoo News\n\nx').source, 'Yahoo News');
  });

  it('reads the outlet from a saved article’s header, never taking the header for a headline or a lead', () => {
    const d = describe_('Source: Roads & Bridges\nURL: https://example.com/a\n\nThe search for the six missing workers continues today in Baltimore.');
    assert.equal(d.source, 'Roads & Bridges');
    assert.equal(d.titleFrom, 'lead');
    assert.ok(d.title.startsWith('The search for the six missing workers'), d.title);
    const h = describe_('Coast Guard Ends Search for Bridge Collapse Survivors\nSource: Newser\nURL: https://example.com/b\n\nSix people are presumed dead.');
    assert.equal(h.title, 'Coast Guard Ends Search for Bridge Collapse Survivors');
    assert.equal(h.source, 'Newser');
    assert.equal(describe_('CNN: Blinken urges China to stop\nSource: Example Site\n\nx').source, 'Example Site', 'the header says who published the copy');
  });

  it('looks for a headline only above the story’s first sentence of running text', () => {
    const d = describe_('Bank of England Governor Andrew Bailey spoke after the decision on Thursday.\n\nHe reassured markets that “the worst is behind us.”');
    assert.equal(d.titleFrom, 'lead');
    assert.equal(d.title, 'Bank of England Governor Andrew Bailey spoke after the decision on Thursday');
  });

  it('does not cut a lead title at an initial or a title abbreviation', () => {
    const d = describe_('“We will rebuild,” Chair John Q. Smith said in Baltimore on Friday. Then he left.');
    assert.equal(d.title, '“We will rebuild,” Chair John Q. Smith said in Baltimore on Friday');
  });
});
