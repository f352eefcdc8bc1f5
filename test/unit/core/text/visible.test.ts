import { strict as assert } from 'node:assert';
import { formatSize, kibibytes, overLimit, textOverLimit, utf8Length } from '../../../../src/core/text/size';
import { cutVisible, hasInvisible, visible } from '../../../../src/core/text/visible';

describe('showing article text safely', () => {
  it('shows terminal escapes as markers, so they print instead of acting', () => {
    const clear = 'Jones said: “\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b]52;c;ZWNobyBoaQ==\u0007ok”';
    const shown = visible(clear);
    assert.equal(shown, 'Jones said: “⟨U+001B⟩[2J⟨U+001B⟩[H⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩]52;c;ZWNobyBoaQ==⟨U+0007⟩ok”');
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(shown));
    assert.equal(visible('a\u007fb\u0085c\u009bd\u0000'), 'a⟨U+007F⟩b⟨U+0085⟩c⟨U+009B⟩d⟨U+0000⟩');
  });

  it('keeps tabs, line feeds and CRLF, and marks a lone carriage return that would overwrite a line', () => {
    assert.equal(visible('one\ttwo\nthree\r\nfour'), 'one\ttwo\nthree\r\nfour');
    assert.equal(visible('safe text\rEVIL'), 'safe text⟨U+000D⟩EVIL');
  });

  it('shows bidirectional overrides, isolates and marks, and zero-width characters', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    const zeroWidth = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
    for (const ch of [...bidi, ...zeroWidth]) {
      const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      assert.equal(visible(`a${ch}b`), `a⟨U+${code}⟩b`);
      assert.ok(hasInvisible(ch));
    }
    assert.equal(visible('“\u202edias ton I\u202c,” Smith said'), '“⟨U+202E⟩dias ton I⟨U+202C⟩,” Smith said');
    // A tag character (invisible ASCII) is one code point, two code units.
    assert.equal(visible('x\udb40\udc41y'), 'x⟨U+E0041⟩y');
  });

  it('shortens shown text without cutting a marker in half', () => {
    const shown = visible('abc\u202edef');
    assert.equal(shown, 'abc⟨U+202E⟩def');
    assert.equal(cutVisible(shown, 6), 'abc', 'the marker that does not fit is left out whole');
    assert.equal(cutVisible(shown, 11), 'abc⟨U+202E⟩');
    assert.equal(cutVisible(shown, 12), 'abc⟨U+202E⟩d');
    assert.equal(cutVisible('plain text', 5), 'plain');
    assert.equal(cutVisible('short', 50), 'short');
  });

  it('leaves ordinary text of any script alone, and returns the same string', () => {
    const plain = 'Zelensky said: «Мы победим» — مرحبا “שלום” 😀 naïve Ṣ̂̃ 10\u00a0km';
    assert.equal(visible(plain), plain);
    assert.equal(hasInvisible(plain), false);
    assert.equal(visible(''), '');
  });
});

describe('the size limit', () => {
  it('measures text by its UTF-8 bytes, as the file on disk would be', () => {
    assert.equal(utf8Length('abc'), 3);
    assert.equal(utf8Length('é'), 2);
    assert.equal(utf8Length('“'), 3);
    assert.equal(utf8Length('😀'), 4);
    assert.equal(utf8Length('\ud800x'), 4, 'a lone surrogate as U+FFFD');
    for (const s of ['plain', 'Ça va “bien” 😀 — Київ', '\udc00\ud83d\ude00\ud800']) {
      assert.equal(utf8Length(s), Buffer.byteLength(s, 'utf8'), s);
    }
  });

  it('skips the same text alike from disk and from an editor, whatever its script', () => {
    const limit = kibibytes(1);
    // 400 Cyrillic letters: 400 UTF-16 units, but 800 bytes; 700 of them are 1,400 bytes.
    for (const n of [400, 700]) {
      const text = 'ж'.repeat(n);
      assert.equal(textOverLimit(text, limit), overLimit(Buffer.byteLength(text), limit), `${n} letters`);
    }
    assert.equal(textOverLimit('ж'.repeat(700), limit), true);
    assert.equal(textOverLimit('a'.repeat(1024), limit), false);
    assert.equal(textOverLimit('a'.repeat(1025), limit), true);
  });

  it('formats sizes as people read them', () => {
    assert.deepEqual([512, 3584, 20480, 1.5 * 1024 ** 2, 1.5 * 1024 ** 3].map(formatSize), ['512 B', '3.5 KB', '20 KB', '1.5 MB', '1.5 GB']);
  });
});
