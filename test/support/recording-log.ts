import type { Logger } from '../../src/core/logger';

/** A logger that keeps every line, prefixed with its level, for tests to read back. */
export class RecordingLog implements Logger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error ${m}`);
  }
}
