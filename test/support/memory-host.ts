import { analyzeText, type DocumentFacts } from '../../src/core/corpus';
import { quoteFacts } from '../../src/core/first-pass';
import type { Disposable, FileStat, HostEvent, IndexHost, Listing, OpenDocument } from '../../src/core/indexing/host';
import type { Analyzer } from '../../src/core/indexing/ledger';
import { decodeArticle } from '../../src/core/text/decode';

interface Editor {
  key: string;
  version: number;
  isClosed: boolean;
  text: string;
}

/**
 * A workspace held in memory: files by key (`mem:/…`), editors, and the events a real workspace would
 * send, fired when the test says so. Files ending in `.txt` or `.md` are articles.
 */
export class MemoryHost implements IndexHost {
  readonly files = new Map<string, string>();
  private readonly editors = new Map<string, Editor>();
  private readonly listeners = new Set<(e: HostEvent) => void>();

  constructor(files: Record<string, string> = {}) {
    for (const [key, text] of Object.entries(files)) this.files.set(key, text);
  }

  async list(): Promise<Listing> {
    const files = [...this.files.keys()].filter((k) => this.isArticle(k)).sort().map((key) => ({ key }));
    return { files, skipped: [], notes: [] };
  }

  async articlesUnder(key: string): Promise<readonly string[]> {
    return [...this.files.keys()].filter((k) => k.startsWith(`${key}/`) && this.isArticle(k)).sort();
  }

  async stat(key: string): Promise<FileStat> {
    const text = this.files.get(key);
    if (text === undefined) {
      if ([...this.files.keys()].some((k) => k.startsWith(`${key}/`))) return { type: 'directory', size: 0 };
      throw new Error(`no such file: ${key}`);
    }
    return { type: 'file', size: Buffer.byteLength(text) };
  }

  async read(key: string, maxBytes: number) {
    const text = this.files.get(key);
    if (text === undefined) return { ok: false as const, reason: 'unreadable' as const, message: 'gone' };
    return decodeArticle(Buffer.from(text), { maxBytes });
  }

  openDocument(key: string): OpenDocument | undefined {
    const editor = this.editors.get(key);
    return editor && !editor.isClosed ? documentOf(editor) : undefined;
  }

  isArticle(key: string): boolean {
    return /\.(txt|md)$/.test(key);
  }

  inWorkspace(key: string): boolean {
    return key.startsWith('mem:/');
  }

  display(key: string): string {
    return key.replace(/^mem:\//, '');
  }

  onDidChange(listener: (e: HostEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  fire(e: HostEvent): void {
    for (const listener of [...this.listeners]) listener(e);
  }

  /** Writes a file on "disk" and says so, as a watcher would. */
  write(key: string, text: string): void {
    const created = !this.files.has(key);
    this.files.set(key, text);
    this.fire({ type: created ? 'created' : 'changed', key });
  }

  delete(key: string): void {
    this.files.delete(key);
    this.fire({ type: 'deleted', key });
  }

  /** Renames a file inside the editor (the event comes with both names). */
  rename(from: string, to: string): void {
    const text = this.files.get(from);
    this.files.delete(from);
    if (text !== undefined) this.files.set(to, text);
    this.fire({ type: 'renamed', from, to });
  }

  /** Opens an editor on `key` with `text` (the file's when not given). */
  open(key: string, text = this.files.get(key) ?? ''): OpenDocument {
    const editor: Editor = { key, version: 1, isClosed: false, text };
    this.editors.set(key, editor);
    return documentOf(editor);
  }

  /** Types into an open editor: a new version, and the edit event. */
  edit(key: string, text: string): OpenDocument {
    const editor = this.editors.get(key)!;
    editor.text = text;
    editor.version++;
    const document = documentOf(editor);
    this.fire({ type: 'edited', document });
    return document;
  }

  close(key: string): void {
    const editor = this.editors.get(key)!;
    editor.isClosed = true;
    this.editors.delete(key);
    this.fire({ type: 'closed', document: documentOf(editor) });
  }
}

function documentOf(editor: Editor): OpenDocument {
  return {
    key: editor.key,
    get version() {
      return editor.version;
    },
    get isClosed() {
      return editor.isClosed;
    },
    getText: () => editor.text,
  };
}

/**
 * The analyser on the test's thread, whose analyses can be held back and let go in any order, so a
 * test can make a file change while its analysis is under way.
 */
export class HeldAnalyzer implements Analyzer {
  /** The texts analysed, in the order asked, with whether only their quotes were wanted. */
  readonly asked: { readonly text: string; readonly quick: boolean }[] = [];
  private held: { readonly text: string; go(): void }[] = [];
  holding = false;

  analyze(text: string, fileName: string, options?: { readonly quick?: boolean }): Promise<DocumentFacts> {
    const quick = options?.quick === true;
    this.asked.push({ text, quick });
    const run = (): DocumentFacts => (quick ? quoteFacts : analyzeText)(text, fileName);
    if (!this.holding) return Promise.resolve().then(run);
    return new Promise((resolve, reject) => {
      this.held.push({
        text,
        go: () => {
          try {
            resolve(run());
          } catch (e) {
            reject(e);
          }
        },
      });
    });
  }

  /** Analyses held back so far. */
  get waiting(): number {
    return this.held.length;
  }

  /** Lets the held analysis of `text` finish. */
  finish(text: string): void {
    const i = this.held.findIndex((h) => h.text === text);
    if (i < 0) throw new Error(`no analysis held for ${JSON.stringify(text.slice(0, 40))}`);
    const [h] = this.held.splice(i, 1);
    h!.go();
  }

  /** Stops holding analyses back and lets every held one finish, in the order asked. */
  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const h of held) h.go();
  }
}

/** Waits, turn after turn of the event loop, until `condition` holds. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
