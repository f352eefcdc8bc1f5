/**
 * What Crosswire's one status bar item says: off in this workspace, indexing (with the same words as
 * the views), highlights hidden, files left out, or how many articles are indexed. No `vscode`, so
 * each state is unit-tested.
 */
import type { IndexState } from '../../core/indexing/indexer';
import { progressWords } from '../../core/indexing/passes';
import { plural } from '../../core/text/plural';

export interface StatusInput {
  /** Whether Crosswire works in this workspace, and if not, why not (when known). */
  readonly enabled: boolean;
  readonly offReason?: string;
  readonly index: IndexState;
  /** Articles in the index. */
  readonly articles: number;
  /** Whether highlights are hidden, and by what. */
  readonly highlights: 'shown' | 'hiddenHere' | 'offInSettings';
  readonly skipped: number;
  readonly shortened: number;
}

/** What a click on the item does. */
export type StatusAction = 'enable' | 'showLog' | 'showHighlights' | 'showViews';

export interface StatusView {
  readonly text: string;
  /** Plain sentences for the tooltip, the first saying what the item shows. */
  readonly tooltip: readonly string[];
  readonly action: StatusAction;
  /** Whether the item warns (files left out): drawn in the status bar's warning colours. */
  readonly warning: boolean;
}

const CLICK: Record<StatusAction, string> = {
  enable: 'Click to enable Crosswire here.',
  showLog: 'Click to open the Crosswire log.',
  showHighlights: 'Click to show the highlights again.',
  showViews: 'Click to show the Entities and Quotes views.',
};

/** The item for `input`: the state that most needs saying comes first. */
export function statusView(input: StatusInput): StatusView {
  const view = (text: string, lines: string[], action: StatusAction, warning = false): StatusView => ({ text, tooltip: [...lines, CLICK[action]], action, warning });
  if (!input.enabled) {
    const why = input.offReason ? `: ${input.offReason}` : '';
    return view('$(circle-slash) Crosswire off', [`Crosswire is off in this workspace${why}.`], 'enable');
  }
  const indexed = `${plural(input.articles, 'article')} indexed.`;
  if (input.index.running) {
    return view(`$(sync~spin) Crosswire: ${progressWords(input.index.phase, input.index.done, input.index.total)}`, [`Crosswire is indexing the workspace’s articles; ${indexed}`], 'showLog');
  }
  const left = [
    ...(input.skipped > 0 ? [`${plural(input.skipped, 'file')} skipped`] : []),
    ...(input.shortened > 0 ? [`${plural(input.shortened, 'file')} analysed in part`] : []),
  ];
  const highlights =
    input.highlights === 'hiddenHere'
      ? 'Crosswire’s highlights are hidden in this workspace.'
      : input.highlights === 'offInSettings'
        ? 'Crosswire’s highlights are off in your settings (crosswire.highlight.enabled).'
        : undefined;
  if (highlights) {
    return view('$(eye-closed) Highlights off', [highlights, indexed, ...(left.length > 0 ? [`${left.join(', ')}.`] : [])], 'showHighlights');
  }
  if (left.length > 0) {
    return view(`$(warning) Crosswire: ${left.join(', ')}`, [`${indexed} ${left.join(', ')}: the log says which and why.`], 'showLog', true);
  }
  return view(`$(quote) Crosswire: ${plural(input.articles, 'article')}`, [indexed], 'showViews');
}
