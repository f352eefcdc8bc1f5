import type * as vscode from 'vscode';
import type { Corpus } from '../core/corpus';
import type { ArticleWorkspace } from './articleWorkspace';
import type { SettingsStore } from './configuration';
import type { ChannelLogger } from './log';
import type { StatsRegistry } from './stats';

/** What every feature gets from the composition root. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly corpus: Corpus;
  readonly articles: ArticleWorkspace;
  readonly settings: SettingsStore;
  readonly log: ChannelLogger;
  /** Where features report the counts of what they keep per document. */
  readonly stats: StatsRegistry;
}

/** A feature wires itself up and returns what undoes it. */
export type Feature = (services: Services) => vscode.Disposable;
