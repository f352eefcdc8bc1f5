/** Where the core reports what it skipped or measured; the extension writes it to its output channel. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Discards everything: the default for tests and library use. */
export const nullLogger: Logger = { info() {}, warn() {}, error() {} };
