import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { Corpus } from './core/corpus';
import { ArticleWorkspace } from './features/articleWorkspace';
import { SettingsStore } from './features/configuration';
import { features } from './features';
import { createChannelLogger } from './features/log';
import type { Services } from './features/services';

/** What the extension offers other extensions (and its integration tests). */
export interface CrosswireApi {
  /** The analysed workspace: documents, quotes, links and entities. */
  readonly corpus: Corpus;
  /** Resolves when the current background indexing of the workspace has finished. */
  whenIndexed(): Promise<void>;
}

/**
 * Wires the features together. Synchronous and quick: the workspace is indexed in the background
 * after activation returns.
 */
export function activate(context: vscode.ExtensionContext): CrosswireApi {
  performance.mark('crosswire:activate:start');
  const log = createChannelLogger();
  context.subscriptions.push(log);
  const settings = new SettingsStore();
  context.subscriptions.push(settings);
  const corpus = new Corpus();
  const articles = new ArticleWorkspace(corpus, settings, log);
  context.subscriptions.push(articles);
  performance.mark('crosswire:activate:services');

  const services: Services = { context, corpus, articles, settings, log };
  for (const feature of features) context.subscriptions.push(feature(services));
  performance.mark('crosswire:activate:features');

  articles.start();
  performance.mark('crosswire:activate:end');
  const total = performance.measure('crosswire:activate', 'crosswire:activate:start', 'crosswire:activate:end');
  const wiring = performance.measure('crosswire:features', 'crosswire:activate:services', 'crosswire:activate:features');
  log.info(`Activated in ${total.duration.toFixed(1)} ms (features ${wiring.duration.toFixed(1)} ms)`);

  return { corpus, whenIndexed: () => articles.whenIndexed() };
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
