import * as vscode from 'vscode';
import type { Logger } from '../core/logger';

/** The core `Logger`, writing to the Crosswire log output channel. */
export interface ChannelLogger extends Logger, vscode.Disposable {
  /** Brings the output channel into view. */
  show(): void;
}

export function createChannelLogger(): ChannelLogger {
  const channel = vscode.window.createOutputChannel('Crosswire', { log: true });
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
