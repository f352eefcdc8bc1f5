/**
 * Markdown building blocks for hovers. Article text is untrusted: everything taken from it goes
 * through `escapeMarkdown`, so it can never become a link, a command, HTML, an image or a `$(icon)`;
 * and through `visible`, so control, bidirectional and zero-width characters show as markers
 * (`⟨U+202E⟩`) instead of reordering or hiding what the reader sees.
 */
import { plainText } from '../../core/text/visible';

export { plainText, truncate } from '../../core/text/visible';

/**
 * Escapes text for a CommonMark paragraph. Every ASCII punctuation character gets a backslash (all are
 * escapable in CommonMark, and an escaped one is always literal), which disarms links, emphasis,
 * autolinks (`:` and `.`), entities (`&`), HTML (`<`) and theme icons (`$`). White space collapses to
 * single spaces so text cannot open a new block (a heading, a list, a quote).
 */
export function escapeMarkdown(text: string): string {
  return plainText(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A `command:` URI running `command` with `args`, as VS Code expects in trusted markdown. */
export function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** A markdown link to a command; `label` is plain text and gets escaped here. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  return `[${escapeMarkdown(label)}](${commandUri(command, args)})`;
}

/**
 * Wraps escaped text in emphasis markers (`**`, `~~`). CommonMark honours a marker only next to a
 * word character on its inner side, so surrounding white space and punctuation stay outside the
 * markers; a run of punctuation alone is left unmarked rather than shown with stray asterisks.
 */
export function wrapEscaped(text: string, marker: string): string {
  const m = /^([\s\p{P}\p{S}]*)([\s\S]*?)([\s\p{P}\p{S}]*)$/u.exec(text);
  const [, lead = '', core = '', trail = ''] = m ?? [];
  if (core === '') return escapeMarkdown(text);
  return `${escapeMarkdown(lead)}${marker}${escapeMarkdown(core)}${marker}${escapeMarkdown(trail)}`;
}

/**
 * Escapes `$(icon)` syntax in plain text shown where VS Code renders theme icons (quick pick labels,
 * descriptions and details), so an article cannot put icons there.
 */
export function escapeIcons(text: string): string {
  return plainText(text).replace(/\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi, (match) => `\\${match}`);
}
