import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { analyzeText } from '../../../../src/core/corpus';
import { quoteFacts } from '../../../../src/core/first-pass';
import { inOrder, NO_STEP, twoPasses, type IndexPhase, type PassOptions, type Step } from '../../../../src/core/indexing/passes';

const seedsDir = join(__dirname, '../../../../seeds');
const seeds = readdirSync(seedsDir)
  .filter((n) => n.endsWith('.txt') || n.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));

describe('the quick pass', () => {
  it('finds the same quotes, paragraphs, title and source as the full analysis, with no entities', () => {
    assert.ok(seeds.length >= 5);
    for (const { name, text } of seeds) {
      const quick = quoteFacts(text, name);
      const full = analyzeText(text, name);
      assert.ok(quick.quotes.length > 0, `${name} has quotes`);
      assert.deepEqual(quick.quotes, full.quotes, name);
      assert.deepEqual(quick.paragraphs, full.paragraphs, name);
      assert.equal(quick.title, full.title, name);
      assert.equal(quick.source, full.source, name);
      assert.deepEqual(quick.mentions, []);
      assert.deepEqual(quick.speakers, quick.quotes.map(() => null), 'one empty speaker per quote');
      assert.ok(full.mentions.length > 0, `${name}: the full analysis does find names`);
    }
  });

  it('gives a text without quotation marks no quotes', () => {
    const facts = quoteFacts('Council meets\n\nThe council met on Monday to discuss the budget.\n', 'note.txt');
    assert.deepEqual(facts.quotes, []);
    assert.equal(facts.paragraphs.length, 2);
  });

  it('leaves the entity tagger out of its code', async () => {
    const result = await build({
      entryPoints: [join(__dirname, '../../../../src/core/first-pass.ts')],
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => i.includes('quotes/find')), 'the bundle is the quick pass');
    assert.deepEqual(inputs.filter((i) => /compromise|entities\//.test(i)), []);
  });
});

/** A fake clock: each apply takes `applyMs`; yielding lets real macrotasks run and records a break. */
function harness(applyMs = 1, sliceMs = 8) {
  let clock = 0;
  const log: string[] = [];
  let cancelled = false;
  let running = 0;
  let mostRunning = 0;
  const progress: [IndexPhase, number, number][] = [];
  const options: PassOptions = {
    window: 3,
    sliceMs,
    isCancelled: () => cancelled,
    onProgress: (phase, done, total) => progress.push([phase, done, total]),
    now: () => clock,
    yieldToEventLoop: async () => {
      log.push('yield');
      await new Promise((r) => setImmediate(r));
    },
  };
  /** A slow part taking a random few milliseconds, so results come back out of order. */
  const slow = async <T>(value: T): Promise<T> => {
    running++;
    mostRunning = Math.max(mostRunning, running);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
    running--;
    return value;
  };
  const step = <N>(label: string, next: N | undefined): Step<N> => ({
    apply() {
      clock += applyMs;
      log.push(label);
      return next;
    },
    abandon() {
      log.push(`abandon ${label}`);
    },
  });
  return {
    options,
    log,
    progress,
    step,
    slow,
    cancel: () => (cancelled = true),
    get mostRunning() {
      return mostRunning;
    },
  };
}

describe('indexing in two passes', () => {
  const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  it('gives every file its quotes before any file its entities, each pass in file order', async () => {
    const h = harness();
    // File c comes from the persisted index: nothing is handed on to the entity pass.
    const done = await twoPasses(
      files,
      (f) => h.slow(h.step(`quotes ${f}`, f === 'c' ? undefined : f)),
      (f) => h.slow(h.step(`entities ${f}`, undefined)),
      h.options,
    );
    assert.equal(done, true);
    const applied = h.log.filter((l) => l !== 'yield');
    assert.deepEqual(applied, [...files.map((f) => `quotes ${f}`), ...files.filter((f) => f !== 'c').map((f) => `entities ${f}`)]);
    assert.ok(h.mostRunning <= 3, `${h.mostRunning} slow parts at once, window 3`);
  });

  it('reports each phase with its own total, from 0 to the end', () => {
    const h = harness();
    return twoPasses(files, (f) => h.slow(h.step(f, f < 'c' ? f : undefined)), (f) => h.slow(h.step(f, undefined)), h.options).then(() => {
      const quotes = h.progress.filter(([p]) => p === 'quotes');
      const entities = h.progress.filter(([p]) => p === 'entities');
      assert.deepEqual(quotes[0], ['quotes', 0, 7]);
      assert.deepEqual(quotes.at(-1), ['quotes', 7, 7]);
      assert.deepEqual(entities, [['entities', 0, 2], ['entities', 1, 2], ['entities', 2, 2]]);
      assert.ok(h.progress.indexOf(quotes.at(-1)!) < h.progress.indexOf(entities[0]!), 'the quotes phase ends first');
    });
  });

  it('lets the event loop in once a slice of applies runs over its time', async () => {
    const h = harness(3, 8);
    await inOrder(files, (f) => h.slow(h.step(f, undefined)), h.options);
    // 3 ms per apply, 8 ms slices: a break after every third apply.
    assert.deepEqual(h.log, ['a', 'b', 'c', 'yield', 'd', 'e', 'f', 'yield', 'g']);
  });

  it('does not yield while applies stay within the slice', async () => {
    const h = harness(0, 8);
    await inOrder(files, (f) => Promise.resolve(h.step(f, undefined)), h.options);
    assert.ok(!h.log.includes('yield'));
  });

  it('stops when cancelled during the quotes pass: the rest is abandoned and no entities are applied', async () => {
    const h = harness();
    let full = 0;
    const done = await twoPasses(
      files,
      async (f) => {
        const s = h.step(`quotes ${f}`, f);
        if (f === 'c') h.cancel();
        return h.slow(s);
      },
      (f) => {
        full++;
        return h.slow(h.step(`entities ${f}`, undefined));
      },
      h.options,
    );
    assert.equal(done, false);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(full, 0, 'no full analysis started');
    assert.ok(!h.log.some((l) => l.startsWith('entities')));
    const applied = h.log.filter((l) => l.startsWith('quotes'));
    assert.ok(applied.length < files.length, applied.join(', '));
    assert.ok(h.log.some((l) => l.startsWith('abandon')), 'the results under way were abandoned');
  });

  it('stops when cancelled during the entity pass, keeping every file its quotes', async () => {
    const h = harness();
    const done = await twoPasses(
      files,
      (f) => h.slow(h.step(`quotes ${f}`, f)),
      (f) => {
        if (f === 'b') h.cancel();
        return h.slow(h.step(`entities ${f}`, undefined));
      },
      h.options,
    );
    assert.equal(done, false);
    assert.equal(h.log.filter((l) => /^quotes /.test(l)).length, files.length);
    assert.ok(h.log.filter((l) => /^entities /.test(l)).length < files.length);
  });

  it('starts a few full analyses while the quotes are found, and applies them only after every quote', async () => {
    const h = harness();
    const events: string[] = [];
    let analysing = 0;
    let mostDuringQuotes = 0;
    let quotesOver = false;
    const done = await twoPasses(
      files,
      (f) => h.slow(h.step(`quotes ${f}`, f)),
      async (f) => {
        events.push(`start ${f}${quotesOver ? '' : ' early'}`);
        analysing++;
        if (!quotesOver) mostDuringQuotes = Math.max(mostDuringQuotes, analysing);
        const step = await h.slow(h.step(`entities ${f}`, undefined));
        analysing--;
        return step;
      },
      {
        ...h.options,
        earlyAnalyses: 1,
        onProgress: (phase) => {
          if (phase === 'entities') quotesOver = true;
        },
      },
    );
    assert.equal(done, true);
    assert.ok(events.some((e) => e.endsWith('early')), events.join(', '));
    assert.equal(mostDuringQuotes, 1, 'one analysis at a time while the quotes are found');
    const applied = h.log.filter((l) => l !== 'yield');
    assert.deepEqual(applied, [...files.map((f) => `quotes ${f}`), ...files.map((f) => `entities ${f}`)]);
    assert.equal(events.length, files.length, 'each file analysed once');
  });

  it('abandons the analyses started early when cancelled during the quotes pass', async () => {
    const h = harness();
    const done = await twoPasses(
      files,
      async (f) => {
        if (f === 'e') h.cancel();
        return h.slow(h.step(`quotes ${f}`, f));
      },
      (f) => h.slow(h.step(`entities ${f}`, undefined)),
      { ...h.options, earlyAnalyses: 2 },
    );
    assert.equal(done, false);
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(!h.log.some((l) => /^entities /.test(l)), 'no entities applied');
    assert.ok(h.log.some((l) => /^abandon entities /.test(l)), h.log.join(', '));
  });

  it('hands on nothing for a step that does nothing', async () => {
    const h = harness();
    const handed = await inOrder(files, (f) => Promise.resolve(f === 'a' ? h.step('a', 'a') : NO_STEP), h.options);
    assert.deepEqual(handed, ['a']);
  });

  it('waits for a step applied over several slices before applying the next file', async () => {
    const h = harness();
    const gradual = (f: string): Step<string> => ({
      async apply() {
        h.log.push(`${f} begins`);
        await new Promise((r) => setTimeout(r, 5));
        h.log.push(`${f} ends`);
        return f;
      },
      abandon() {},
    });
    const handed = await inOrder(['a', 'b'], (f) => h.slow(f === 'a' ? gradual(f) : h.step(f, f)), h.options);
    assert.deepEqual(handed, ['a', 'b']);
    assert.deepEqual(h.log.filter((l) => l !== 'yield'), ['a begins', 'a ends', 'b']);
  });
});
