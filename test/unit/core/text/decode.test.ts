import { strict as assert } from 'node:assert';
import { decodeArticle, describeDecoding } from '../../../../src/core/text/decode';

const enc = new TextEncoder();

describe('decoding article files', () => {
  it('decodes UTF-8 with and without a byte order mark, keeping curly quotes', () => {
    const plain = decodeArticle(enc.encode('“Hi,” she said.'));
    assert.deepEqual(plain, { ok: true, text: '“Hi,” she said.', encoding: 'utf-8', replaced: 0 });
    const bom = decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Hello')]));
    assert.ok(bom.ok && bom.text === 'Hello' && bom.encoding === 'utf-8-bom');
  });

  it('decodes UTF-16 little- and big-endian with a byte order mark', () => {
    const s = 'Xi said “normal” trade.\r\n';
    const le = new Uint8Array(2 + s.length * 2);
    const be = new Uint8Array(2 + s.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    const a = decodeArticle(le);
    const b = decodeArticle(be);
    assert.ok(a.ok && a.text === s && a.encoding === 'utf-16le');
    assert.ok(b.ok && b.text === s && b.encoding === 'utf-16be');
  });

  it('replaces invalid UTF-8 bytes in a UTF-8 file and counts them', () => {
    // Curly quotes in UTF-8 around two damaged bytes: a UTF-8 file, not a Windows-1252 one.
    const d = decodeArticle(new Uint8Array([...enc.encode('“A'), 0xc3, 0x28, 0x42, 0xff, ...enc.encode('”')]));
    assert.ok(d.ok);
    assert.equal(d.text, '“A\ufffd(B\ufffd”');
    assert.equal(d.encoding, 'utf-8');
    assert.equal(d.replaced, 2);
    assert.equal(describeDecoding(d), '2 invalid UTF-8 sequences replaced');
    // A byte Windows-1252 does not define (0x81) rules it out.
    const undefinedByte = decodeArticle(new Uint8Array([0x93, 0x41, 0x81, 0x94]));
    assert.ok(undefinedByte.ok && undefinedByte.encoding === 'utf-8' && undefinedByte.replaced === 3);
  });

  it('decodes Windows-1252 text, curly quotes, dashes, euro sign and accents included, and says so', () => {
    const bytes = new Uint8Array([
      ...enc.encode('Mayor Ren'), 0xe9, ...enc.encode(' Dupr'), 0xe9, ...enc.encode(' said: '), 0x93,
      ...enc.encode('It costs '), 0x80, ...enc.encode('5 '), 0x96, ...enc.encode(' that'), 0x92, ...enc.encode('s all.'), 0x94, 0x0a,
    ]);
    const d = decodeArticle(bytes);
    assert.deepEqual(d, { ok: true, text: 'Mayor René Dupré said: “It costs €5 – that’s all.”\n', encoding: 'windows-1252', replaced: 0 });
    assert.equal(describeDecoding(d), 'not valid UTF-8, decoded as Windows-1252');
    // The whole table: every byte 0x80–0x9F Windows-1252 defines, and Latin-1 above.
    const all = decodeArticle(new Uint8Array([0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f, 0xa0, 0xff]));
    assert.ok(all.ok && all.encoding === 'windows-1252');
    assert.equal(all.text, '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0ÿ');
  });

  it('keeps a valid UTF-8 file as UTF-8, even one whose bytes would also read as Windows-1252', () => {
    const d = decodeArticle(enc.encode('Café “crème” — déjà vu'));
    assert.ok(d.ok && d.encoding === 'utf-8' && d.text === 'Café “crème” — déjà vu' && describeDecoding(d) === undefined);
  });

  it('refuses a file with a NUL byte anywhere in it as binary, not only in its first 8 KB', () => {
    const text = enc.encode('Jones said: “We are ready.” '.repeat(2000));
    for (const at of [0, 9000, text.length - 1]) {
      const bytes = Uint8Array.from(text);
      bytes[at] = 0;
      const d = decodeArticle(bytes);
      assert.ok(!d.ok && d.reason === 'binary', `a NUL at ${at} of ${bytes.length}`);
    }
    const tail = new Uint8Array(text.length + 4096);
    tail.set(text);
    for (let i = text.length; i < tail.length; i++) tail[i] = (i * 37) & 0x1f;
    assert.ok(!decodeArticle(tail).ok, 'a binary tail after 56 KB of text');
    assert.ok(decodeArticle(text).ok, 'the text alone is text');
  });

  it('refuses binary content and files over the size limit, with a reason', () => {
    const bin = decodeArticle(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    assert.equal(bin.ok, false);
    assert.ok(!bin.ok && bin.reason === 'binary');
    const big = decodeArticle(new Uint8Array(3000), { maxBytes: 2048 });
    assert.ok(!big.ok && big.reason === 'too-large' && /2\.0 KB limit/.test(big.message));
  });

  it('decodes an empty file as empty text', () => {
    assert.deepEqual(decodeArticle(new Uint8Array()), { ok: true, text: '', encoding: 'utf-8', replaced: 0 });
  });
});
