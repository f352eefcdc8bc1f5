import { strict as assert } from 'node:assert';
import { commandLink, commandUri, escapeIcons, escapeMarkdown, truncate, wrapEscaped } from '../../../../src/features/present/markdown';
import { renderDiff } from '../../../../src/features/present/hoverContent';
import { toHtml } from '../../../support/fake-corpus';

/** Undoes CommonMark backslash escapes: what a reader sees of escaped text. */
const rendered = (md: string): string => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');


const decodeEntities = (html: string): string =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('hover markdown escaping', () => {
  const hostile = [
    '[click me](command:workbench.action.terminal.new)',
    '<img src=x onerror=alert(1)>',
    '$(alert) $(loading~spin)',
    'Tom &amp; Jerry &lt;b&gt;',
    '![pic](https://example.com/a.png)',
    '**bold** _it_ `code` ~~gone~~',
    'https://example.com/path and www.example.com',
    '# heading',
  ];

  for (const text of hostile) {
    it(`keeps ${JSON.stringify(text)} as plain text`, () => {
      const md = escapeMarkdown(text);
      assert.equal(rendered(md), text, 'a reader sees the text as written');
      // No unescaped markdown or HTML syntax is left.
      assert.doesNotMatch(md, /(^|[^\\])[[\]()<>!$&*_`~#:]/);
      const html = toHtml(md).trim();
      assert.equal(html, `<p>${html.slice(3, -4)}</p>`, 'one plain paragraph');
      assert.doesNotMatch(html.slice(3, -4), /<[a-z]/i, 'no HTML element from the text');
      assert.equal(decodeEntities(html.slice(3, -4)), text);
    });
  }

  it('cannot open a new block: line breaks become spaces', () => {
    assert.equal(escapeMarkdown('one\n\n- two\n> three'), 'one \\- two \\> three');
  });

  it('leaves letters, digits and non-ASCII punctuation alone', () => {
    assert.equal(escapeMarkdown('Blinken’s “normal” trade 2024'), 'Blinken’s “normal” trade 2024');
  });

  it('builds command links whose label is escaped and whose arguments are encoded JSON', () => {
    const link = commandLink('A [headline](x)', 'crosswire.openQuote', ['abc-q1']);
    assert.equal(link, `[A \\[headline\\]\\(x\\)](command:crosswire.openQuote?${encodeURIComponent('["abc-q1"]')})`);
    const uri = commandUri('crosswire.openLocation', ['file:///a b.txt', 1, 2]);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.split('?')[1]!)), ['file:///a b.txt', 1, 2]);
    assert.doesNotMatch(uri, /[ ()[\]]/);
  });

  it('puts emphasis markers inside surrounding spaces and punctuation, where CommonMark honours them', () => {
    assert.equal(wrapEscaped(' the war ', '**'), ' **the war** ');
    assert.equal(wrapEscaped('said', '~~'), '~~said~~');
    assert.equal(wrapEscaped('(U.S.)', '**'), '\\(**U\\.S**\\.\\)');
    assert.equal(wrapEscaped('  ', '**'), ' ');
    assert.equal(wrapEscaped('.', '**'), '\\.', 'punctuation alone is not marked');
  });

  it('never leaves stray markers in a rendered word diff, whatever the words and punctuation', () => {
    const pieces = ['word', 'two words', '.', ',', ' ', '“', '”', '(a)', 'U.S.', '-', '$5', 'x*y', ' end.', '’s'];
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 400; round++) {
      const parts = Array.from({ length: 2 + next(5) }, () => ({
        op: (['common', 'from', 'to'] as const)[next(3)],
        text: pieces[next(pieces.length)]!,
      }));
      const md = renderDiff(parts);
      const html = toHtml(md);
      const visible = html.replace(/<[^>]+>/g, '');
      assert.doesNotMatch(visible, /\*\*|~~/, `stray markers in ${JSON.stringify(parts)} → ${html}`);
    }
  });

  it('shortens long text at a word boundary with an ellipsis', () => {
    assert.equal(truncate('short', 10), 'short');
    const long = truncate('Russia would struggle to sustain its assault on Ukraine', 30);
    assert.ok(long.length <= 30, long);
    assert.ok(long.endsWith('…'));
    assert.ok('Russia would struggle to sustain its assault on Ukraine'.startsWith(long.slice(0, -1)));
  });

  it('escapes theme icon syntax for quick picks, leaving other dollar signs alone', () => {
    assert.equal(escapeIcons('Alert $(alert) and $(loading~spin) cost $5 (approx.)'), 'Alert \\$(alert) and \\$(loading~spin) cost $5 (approx.)');
  });
});
