/**
 * The analyses of open documents: one per document and version, the editor's text winning over the
 * file's; an edit is analysed again after a short pause in typing, and an analysis overtaken by a
 * newer text is dropped for the newer one.
 */
import type { DocumentAnalysis } from '../corpus';
import type { Emitter } from './events';
import type { IndexHost, OpenDocument } from './host';
import type { Ledger } from './ledger';
import { sizeLimit, textTooLarge, tooLarge } from './reading';

/** What an open document's analysis is: ready (possibly with nothing to show), or on its way. */
export type AnalysisStatus = { readonly ready: true; readonly analysis: DocumentAnalysis | undefined } | { readonly ready: false };

/** Delay between the last keystroke and re-analysing the document. */
export const EDIT_DEBOUNCE_MS = 150;

interface EditorState {
  readonly version: number;
  readonly limitKB: number;
  result: Promise<DocumentAnalysis | undefined>;
  settled: boolean;
}

export class EditorAnalyses {
  private readonly states = new Map<string, EditorState>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: IndexHost,
    private readonly ledger: Ledger,
    private readonly limitKB: () => number,
    private readonly corpusChanged: Emitter<readonly string[]>,
  ) {}

  /** Open documents whose analysis state is kept. */
  get size(): number {
    return this.states.size;
  }

  /** Edits waiting for their debounce. */
  get pending(): number {
    return this.pendingEdits.size;
  }

  /**
   * The analysis of an open document's current text, analysing it (off this thread) when the corpus
   * holds another version. Undefined when the document is not an article, is too large, or cannot be
   * analysed. Should the text change again meanwhile, resolves with the analysis of the newer text.
   */
  analyse(document: OpenDocument): Promise<DocumentAnalysis | undefined> {
    const { key } = document;
    if (!this.host.isArticle(key)) return Promise.resolve(undefined);
    this.cancelPending(key);
    const ledger = this.ledger;
    const limitKB = this.limitKB();
    const known = this.states.get(key);
    if (known && known.version === document.version && known.limitKB === limitKB) {
      return known.settled ? Promise.resolve(ledger.corpus.document(key)) : known.result;
    }
    const version = document.version;
    const text = document.getText();
    const state: EditorState = { version, limitKB, result: Promise.resolve(undefined), settled: true };
    this.states.set(key, state);
    const limit = sizeLimit(limitKB);
    if (textTooLarge(text, limit)) {
      ledger.invalidate(key);
      ledger.skip(key, tooLarge(limit));
      ledger.drop(key, { notify: true });
      return state.result;
    }
    ledger.unskip(key);
    const existing = ledger.corpus.document(key);
    // Facts from the quick pass lack entities and speakers: an open document gets its full analysis now.
    if (existing && existing.text === text && !ledger.awaiting.has(key)) {
      ledger.invalidate(key);
      return Promise.resolve(existing);
    }
    const token = ledger.begin(key);
    state.settled = false;
    // Settled before the corpus announces the change, so listeners find the analysis ready.
    const settle = (): void => {
      if (this.states.get(key) === state) state.settled = true;
    };
    const result = ledger.factsFor(key, text, true).then(
      (facts) => {
        if (!ledger.finish(key, token) || document.isClosed || document.version !== version) {
          ledger.counts.dropped++;
          if (document.isClosed || ledger.disposed) return undefined;
          // With the text unchanged, a read of the file that began after this analysis overtook it: the
          // editor's text is analysed again rather than waiting on this very analysis.
          if (this.states.get(key) === state) this.states.delete(key);
          return this.analyse(document);
        }
        settle();
        return ledger.apply(key, text, facts, version) ? ledger.corpus.document(key) : undefined;
      },
      (e: unknown) => {
        if (!ledger.finish(key, token)) return undefined;
        settle();
        ledger.failed(key, e);
        this.corpusChanged.fire([key]);
        return undefined;
      },
    );
    state.result = result;
    void result.then((analysis) => {
      if (this.states.get(key) !== state || state.settled) return;
      state.settled = true;
      // Nothing changed in the corpus, yet the editor must stop waiting for an analysis.
      if (!analysis) this.corpusChanged.fire([key]);
    });
    return result;
  }

  /**
   * Where the analysis of an open document's current text stands, without waiting: ready (with the
   * analysis, or undefined when there is none to show), or not yet, in which case it has been started
   * and the corpus's change event fires for the document when it is ready.
   */
  status(document: OpenDocument): AnalysisStatus {
    const { key } = document;
    if (!this.host.isArticle(key)) return { ready: true, analysis: undefined };
    const known = this.states.get(key);
    if (!(known && known.version === document.version && known.limitKB === this.limitKB())) {
      void this.analyse(document);
    }
    const state = this.states.get(key);
    return state?.settled ? { ready: true, analysis: this.ledger.corpus.document(key) } : { ready: false };
  }

  /** An edit: the document is analysed again once typing pauses. */
  edited(document: OpenDocument): void {
    const { key } = document;
    if (!this.host.isArticle(key)) return;
    this.cancelPending(key);
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        if (!document.isClosed) void this.analyse(document);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** Forgets a closed document's state; false when none was kept. */
  closed(key: string): boolean {
    this.cancelPending(key);
    return this.states.delete(key);
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    this.states.clear();
  }

  private cancelPending(key: string): void {
    const timer = this.pendingEdits.get(key);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.pendingEdits.delete(key);
    }
  }
}
