/**
 * The analysis threads run at a lower scheduling priority than the thread that started them. They
 * share the machine's cores with the extension host's own thread, which every extension waits on: on
 * a machine with as many analysis threads as cores, a step of the host's work would otherwise wait
 * for a core as long as it runs.
 *
 * Only where one thread's priority can be set apart from its process's: Linux, where each thread has
 * its own nice value, set through its thread id (`/proc/thread-self`). Elsewhere the call would lower
 * the whole process, the host's thread included, so nothing is done.
 */
import { readlinkSync } from 'node:fs';
import { platform, setPriority } from 'node:os';

/** Nice value of an analysis thread: below the host's, still well above idle. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's priority; true when it was lowered. `readLink` and `set` are the
 * system's, replaceable in tests.
 */
export function lowerThreadPriority(
  os: string = platform(),
  readLink: (path: string) => string = readlinkSync,
  set: (id: number, nice: number) => void = setPriority,
): boolean {
  if (os !== 'linux') return false;
  try {
    // "<pid>/task/<tid>"
    const tid = Number(/\/task\/(\d+)$/.exec(readLink('/proc/thread-self'))?.[1]);
    if (!Number.isInteger(tid) || tid <= 0) return false;
    set(tid, BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}
