import * as vscode from 'vscode';
import { readSettings, SETTINGS_SECTION, type Settings } from './present/settings';

/** The current settings and their changes: what the workspace model reads (tests pass their own). */
export interface SettingsSource {
  readonly value: Settings;
  readonly onDidChange: vscode.Event<{ previous: Settings; current: Settings }>;
}

/** The current settings, re-read whenever a `crosswire.*` setting changes. */
export class SettingsStore implements SettingsSource, vscode.Disposable {
  private current: Settings = readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
  private readonly emitter = new vscode.EventEmitter<{ previous: Settings; current: Settings }>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the settings were re-read, with the values before and after. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      const previous = this.current;
      this.current = readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
      this.emitter.fire({ previous, current: this.current });
    });
  }

  get value(): Settings {
    return this.current;
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
