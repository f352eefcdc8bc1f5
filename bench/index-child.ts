// The index process of one benchmark size: it holds only what the extension would (the articles read
// from a folder, the corpus, the worker pool), so its peak memory is the index's. Results go to the size
// process over IPC; when that process goes away (its time box), this one goes too.
import { runIndex, type IndexOptions } from './index-build';
import type { SizeMessage } from './size-run';

const options = JSON.parse(process.argv[2] ?? '{}') as IndexOptions;

const send = (m: SizeMessage): void => {
  if (process.send) process.send(m);
  else console.log(JSON.stringify(m));
};

let finished = false;
process.on('disconnect', () => {
  if (!finished) process.exit(3);
});

runIndex(options, send).then(
  () => {
    finished = true;
    process.disconnect?.();
  },
  (e: unknown) => {
    finished = true;
    const err = e instanceof Error ? e : new Error(String(e));
    send({ type: 'error', message: err.message, stack: err.stack });
    process.exitCode = 1;
    process.disconnect?.();
  },
);
