import { strict as assert } from 'node:assert';
import { paragraphAt, paragraphs } from '../../../../src/core/text/paragraphs';
import { sentenceSpans } from '../../../../src/core/text/sentences';
import { tokenize, wordsOf } from '../../../../src/core/text/words';
import { collapseWhitespace, foldPunctuation, normalizeQuoteText } from '../../../../src/core/text/normalize';
import { isLetter, isUpper, isSpace } from '../../../../src/core/text/chars';
import type { Span } from '../../../../src/core/types';

function sentences(text: string, opaque: Span[] = []): string[] {
  return sentenceSpans(text, { start: 0, end: text.length }, opaque).map((s) => text.slice(s.start, s.end));
}

describe('paragraphs', () => {
  it('makes every non-blank line a paragraph, trimmed, whatever the line breaks', () => {
    const text = '  Headline \r\n\r\nFirst line.\nSecond line.\u2028Third.\n\n\u00a0 \n';
    const paras = paragraphs(text);
    assert.deepEqual(paras.map((p) => text.slice(p.start, p.end)), ['Headline', 'First line.', 'Second line.', 'Third.']);
    assert.deepEqual(paras.map((p) => p.index), [0, 1, 2, 3]);
  });

  it('finds the paragraph of an offset', () => {
    const text = 'One.\n\nTwo.';
    const paras = paragraphs(text);
    assert.equal(paragraphAt(paras, 0), 0);
    assert.equal(paragraphAt(paras, text.indexOf('Two')), 1);
    assert.equal(paragraphAt(paras, text.length - 1), 1);
    assert.equal(paragraphAt([], 3), -1);
  });
});

describe('sentences', () => {
  it('splits at full stops, question and exclamation marks before a capital', () => {
    assert.deepEqual(sentences('He left. She stayed! Why? Nobody knows.'), ['He left.', 'She stayed!', 'Why?', 'Nobody knows.']);
  });

  it('keeps abbreviations, initials, acronyms and decimals inside the sentence', () => {
    assert.deepEqual(sentences('Beijing, Apr. 26 (EFE). Mr. Wang met J. Smith and the U.S. Treasury. It grew 3.5 percent.'), [
      'Beijing, Apr. 26 (EFE).',
      'Mr. Wang met J. Smith and the U.S. Treasury.',
      'It grew 3.5 percent.',
    ]);
  });

  it('ends a sentence after a closing quote mark, and not before a lower-case attribution', () => {
    assert.deepEqual(sentences('“We will act.” A spokesman said so. “Will you?” he asked.'), [
      '“We will act.”',
      'A spokesman said so.',
      '“Will you?” he asked.',
    ]);
  });

  it('never ends a sentence inside an opaque span such as a quotation', () => {
    const text = '“We came. We saw. We left,” Blinken said. Then he flew home.';
    const quote = { start: 0, end: text.indexOf('”') + 1 };
    assert.deepEqual(sentences(text, [quote]), ['“We came. We saw. We left,” Blinken said.', 'Then he flew home.']);
    assert.deepEqual(sentences(text).length, 4);
  });

  it('gives offsets inside the span it is asked about', () => {
    const text = 'Skip this. Take this. And this.';
    const from = text.indexOf('Take');
    const spans = sentenceSpans(text, { start: from, end: text.length });
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Take this.', 'And this.']);
  });

  it('reads a long line without sentence marks in linear time', () => {
    const text = 'word '.repeat(200_000);
    const t0 = Date.now();
    assert.equal(sentences(text).length, 1);
    assert.ok(Date.now() - t0 < 1000);
  });
});

describe('tokens and normalisation', () => {
  it('keeps possessives, abbreviations and hyphenated names as one word, with offsets', () => {
    const text = 'China’s int’l Biden-Xi U.S. ties, “now”';
    const toks = tokenize(text);
    assert.deepEqual(toks.map((t) => [t.text, t.kind]), [
      ['China’s', 'word'], ['int’l', 'word'], ['Biden-Xi', 'word'], ['U.S', 'word'], ['.', 'punct'], ['ties', 'word'],
      [',', 'punct'], ['“', 'punct'], ['now', 'word'], ['”', 'punct'],
    ]);
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
    assert.deepEqual(wordsOf('The “Red” Lines!'), ['the', 'red', 'lines']);
  });

  it('folds typographic punctuation and white space', () => {
    assert.equal(foldPunctuation('“It’s — fine…”'), '"It\'s - fine..."');
    assert.equal(collapseWhitespace('  a \n\n b\u00a0c '), 'a b c');
  });

  it('reads a quote spanning paragraphs as the same words as the quote on one line', () => {
    const spanning = 'We have seen evidence.\n\n“Any interference is unacceptable';
    const forgot = 'We have seen evidence.\nAny interference is unacceptable';
    const oneLine = 'We have seen evidence. Any interference is unacceptable';
    assert.equal(normalizeQuoteText(spanning), oneLine);
    assert.equal(normalizeQuoteText(forgot), oneLine);
    assert.equal(normalizeQuoteText('China’s “normal” trade'), 'China\'s "normal" trade');
  });

  it('classifies characters beyond ASCII', () => {
    assert.ok(isLetter('é') && isLetter('Ж') && !isLetter('’') && !isLetter(undefined));
    assert.ok(isUpper('É') && !isUpper('é'));
    assert.ok(isSpace('\u00a0') && isSpace('\u2009') && !isSpace('x'));
  });
});
