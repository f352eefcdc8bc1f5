import type { CancellationToken, Disposable } from './host';

/** Subscribes to an event; the shape of VS Code's `Event`, so adapters hand it on as it is. */
export type Event<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

/** Listener counts shared by several emitters (the workspace reports how many are attached). */
export interface ListenerCount {
  n: number;
}

/** Fires an event to its listeners, counting those attached and not yet disposed. */
export class Emitter<T> implements Disposable {
  private readonly listeners = new Set<(e: T) => unknown>();

  constructor(private readonly count: ListenerCount = { n: 0 }) {}

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound = (e: T): unknown => listener.call(thisArgs, e);
    this.listeners.add(bound);
    this.count.n++;
    let live = true;
    const subscription = {
      dispose: () => {
        if (!live) return;
        live = false;
        this.count.n--;
        this.listeners.delete(bound);
      },
    };
    disposables?.push(subscription);
    return subscription;
  };

  /** Calls every listener; one that throws does not keep the others from hearing of it. */
  fire(e: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(e);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Stops firing; each subscription still counts until it is disposed. */
  dispose(): void {
    this.listeners.clear();
  }
}

/** Cancels a piece of work; its `token` is what the work looks at. */
export class CancellationSource implements Disposable {
  private cancelled = false;
  private readonly listeners = new Set<() => void>();

  readonly token: CancellationToken;

  constructor() {
    const isCancelled = (): boolean => this.cancelled;
    this.token = {
      get isCancellationRequested(): boolean {
        return isCancelled();
      },
      onCancellationRequested: (listener) => {
        this.listeners.add(listener);
        return { dispose: () => void this.listeners.delete(listener) };
      },
    };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }

  dispose(): void {
    this.listeners.clear();
  }
}

/** A token that is never cancelled. */
export const NEVER_CANCELLED: CancellationToken = {
  isCancellationRequested: false,
  onCancellationRequested: () => ({ dispose() {} }),
};
