import { strict as assert } from 'node:assert';
import { decodeArticle } from '../../src/core/text/decode';

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

  it('replaces invalid UTF-8 bytes and counts them', () => {
    const d = decodeArticle(new Uint8Array([0x41, 0xc3, 0x28, 0x42, 0xff]));
    assert.ok(d.ok);
    assert.equal(d.text, 'A\ufffd(B\ufffd');
    assert.equal(d.replaced, 2);
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
