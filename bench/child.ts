// One benchmark size in its own process, so that its peak memory is its own; results go to the parent
// over IPC as they come. The phases keep to the deadline themselves; a minute past it the process exits
// at the next progress point (normally, so a CPU profile asked for with --cpu-prof is still written), and
// the parent kills it if it never gets there.
import { runSize, type SizeMessage, type SizeOptions } from './size-run';

const options = JSON.parse(process.argv[2] ?? '{}') as SizeOptions;
const hardStop = options.deadline === undefined ? Infinity : options.deadline + 60_000;

const send = (m: SizeMessage): void => {
  if (process.send) process.send(m);
  else console.log(JSON.stringify(m));
  if (m.type === 'progress' && Date.now() > hardStop) {
    process.exitCode = 3;
    process.disconnect?.();
    process.exit(3);
  }
};

runSize(options, send).then(
  () => process.disconnect?.(),
  (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    send({ type: 'error', message: err.message, stack: err.stack });
    process.disconnect?.();
    process.exitCode = 1;
  },
);
