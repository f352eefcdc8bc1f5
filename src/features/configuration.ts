import * as vscode from 'vscode';
import { readSettings, SETTINGS_SECTION, type Settings } from './present/settings';

/** The current settings and their changes: what the workspace model reads (tests pass their own). */
export interface SettingsSource {
  readonly value: Settings;
  readonly onDidChange: vscode.Event<{ previous: Settings; current: Settings }>;
}

/** Where the workspace's own choice to hide the highlights is kept: its state, never its files. */
const HIDDEN_HERE_KEY = 'crosswire.highlightsHiddenHere';

/**
 * The current settings, re-read whenever a `crosswire.*` setting changes. Highlights hidden with
 * Toggle Highlights are hidden in this workspace only (kept in the workspace's state), on top of
 * the `crosswire.highlight.enabled` setting.
 */
export class SettingsStore implements SettingsSource, vscode.Disposable {
  private current: Settings;
  private readonly emitter = new vscode.EventEmitter<{ previous: Settings; current: Settings }>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the settings were re-read, with the values before and after. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly workspaceState?: vscode.Memento) {
    this.current = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS_SECTION)) this.reread();
    });
  }

  get value(): Settings {
    return this.current;
  }

  /** Whether Toggle Highlights hid the highlights in this workspace. */
  get hiddenHere(): boolean {
    return this.workspaceState?.get<unknown>(HIDDEN_HERE_KEY) === true;
  }

  /** Hides or shows the highlights in this workspace only. */
  async hideHere(hidden: boolean): Promise<void> {
    await this.workspaceState?.update(HIDDEN_HERE_KEY, hidden || undefined);
    this.reread();
  }

  private read(): Settings {
    const read = readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
    return this.hiddenHere ? { ...read, highlight: { ...read.highlight, enabled: false } } : read;
  }

  private reread(): void {
    const previous = this.current;
    this.current = this.read();
    this.emitter.fire({ previous, current: this.current });
  }

  /** Writes one setting (a key under `crosswire.`) where the user keeps it, globally by default. */
  async update(key: string, value: unknown): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const inspected = config.inspect(key);
    const target = inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await config.update(key, value, target);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
