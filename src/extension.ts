import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { AnalyzerPool } from './core/analyzer-pool';
import { analyzeText, Corpus } from './core/corpus';
import { quoteFacts } from './core/first-pass';
import { ArticleWorkspace, type Analyzer, type IndexState, type WorkspaceStats } from './features/articleWorkspace';
import { storageFolder } from './features/cacheFolder';
import { SettingsStore } from './features/configuration';
import { CACHE_FORMAT, FactsCache, type FactsCacheStats } from './core/indexing/facts-cache';
import { features } from './features';
import { createChannelLogger, type ChannelLogger } from './features/log';
import type { Services } from './features/services';
import { StatsRegistry } from './features/stats';

/** What the extension offers other extensions (and its integration tests). */
export interface CrosswireApi {
  /** The analysed workspace: documents, quotes, links and entities. */
  readonly corpus: Corpus;
  /** Resolves when the current background indexing of the workspace has finished or was cancelled. */
  whenIndexed(): Promise<void>;
  /** Where indexing stands. */
  readonly indexState: IndexState;
  /** How long `activate()` took, in milliseconds. */
  readonly activationMs: number;
  /** Counts of what the extension holds and did: documents, per-document state, listeners, cache use. */
  stats(): CrosswireStats;
  /** Writes the pending entries of the persisted index now. */
  flushCache(): Promise<void>;
}

export interface CrosswireStats extends WorkspaceStats {
  readonly documents: number;
  readonly cache: FactsCacheStats | undefined;
  /** Counts the features report, by name (painted documents, decoration types). */
  readonly features: Record<string, number>;
}

/** The index cache of the running extension, written out on deactivation. */
let cacheToClose: FactsCache | undefined;

/**
 * Wires the features together. Synchronous and quick: nothing is read or analysed here; the workspace
 * is indexed in the background (in worker threads) after activation returns.
 */
export function activate(context: vscode.ExtensionContext): CrosswireApi {
  performance.mark('crosswire:activate:start');
  const log = createChannelLogger();
  context.subscriptions.push(log);
  const settings = new SettingsStore(context.workspaceState);
  context.subscriptions.push(settings);
  const corpus = new Corpus();
  const analyzer = createAnalyzer(context, log);
  const cache = createCache(context, log, analyzer.fingerprint);
  cacheToClose = cache;
  const articles = new ArticleWorkspace(corpus, settings, log, { analyzer: analyzer.analyzer, cache });
  context.subscriptions.push(articles);
  const stats = new StatsRegistry();
  performance.mark('crosswire:activate:services');

  const services: Services = { context, corpus, articles, settings, log, stats };
  for (const feature of features) context.subscriptions.push(feature(services));
  performance.mark('crosswire:activate:features');

  articles.start();
  performance.mark('crosswire:activate:end');
  const total = performance.measure('crosswire:activate', 'crosswire:activate:start', 'crosswire:activate:end');
  const wiring = performance.measure('crosswire:features', 'crosswire:activate:services', 'crosswire:activate:features');
  log.info(`Activated in ${total.duration.toFixed(1)} ms (features ${wiring.duration.toFixed(1)} ms)`);

  return {
    corpus,
    whenIndexed: () => articles.whenIndexed(),
    get indexState() {
      return articles.state;
    },
    activationMs: total.duration,
    stats: () => ({ ...articles.stats, documents: corpus.documents().length, cache: cache?.stats, features: stats.snapshot() }),
    flushCache: () => cache?.flush() ?? Promise.resolve(),
  };
}

export function deactivate(): Promise<void> | undefined {
  const cache = cacheToClose;
  cacheToClose = undefined;
  return cache?.close();
}

/**
 * The worker pool running dist/worker.js from the extension's own folder: a thread per core (at most
 * four) while a folder is indexed, since the host's thread then only joins the results to the corpus;
 * the extra threads stop once idle. Should the worker be missing from the install, documents are
 * analysed on the host's thread instead (slower to share, but working).
 */
function createAnalyzer(context: vscode.ExtensionContext, log: ChannelLogger): { analyzer: Analyzer; fingerprint: string } {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  let fingerprint: string;
  try {
    const stat = statSync(script);
    fingerprint = `${stat.size}:${Math.round(stat.mtimeMs)}`;
  } catch {
    log.warn(`No analysis worker at ${script}: analysing on the extension host's thread.`);
    return { analyzer: { analyze: async (text, fileName, o) => (o?.quick ? quoteFacts : analyzeText)(text, fileName) }, fingerprint: 'in-process' };
  }
  const pool = new AnalyzerPool(script, Math.max(1, Math.min(4, availableParallelism())));
  context.subscriptions.push({ dispose: () => pool.dispose() });
  return { analyzer: pool, fingerprint };
}

/** The persisted index in the extension's storage for this workspace (never in the workspace). */
function createCache(context: vscode.ExtensionContext, log: ChannelLogger, analyzer: string): FactsCache | undefined {
  const storage = context.storageUri ?? context.globalStorageUri;
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  return new FactsCache(storageFolder(vscode.Uri.joinPath(storage, `index-v${CACHE_FORMAT}`)), log, {
    analyzer: `${version}:${analyzer}`,
  });
}
