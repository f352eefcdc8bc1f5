/**
 * Every command the extension contributes, in one table: the ids used in code, and the titles and
 * icons package.json declares (a unit test keeps the two in step). No `vscode` import, so pure
 * helpers and tests can build command links without an extension host.
 */

/** Where a command shows in the Command Palette. */
export type PaletteVisibility = 'always' | 'article' | 'indexing' | 'enabled' | 'disabled' | 'never';

export interface CommandInfo {
  readonly id: string;
  readonly title: string;
  /** A codicon, shown where the command appears as a button. */
  readonly icon?: string;
  readonly palette: PaletteVisibility;
}

export const COMMANDS = {
  nextQuote: { id: 'crosswire.nextQuote', title: 'Go to Next Quote', icon: 'arrow-down', palette: 'article' },
  previousQuote: { id: 'crosswire.previousQuote', title: 'Go to Previous Quote', icon: 'arrow-up', palette: 'article' },
  goToMatchingQuote: {
    id: 'crosswire.goToMatchingQuote',
    title: 'Go to Matching Quote in Another Source',
    icon: 'references',
    palette: 'article',
  },
  showEntityMentions: { id: 'crosswire.showEntityMentions', title: 'Show Entity Mentions', icon: 'list-flat', palette: 'always' },
  revealEntity: { id: 'crosswire.revealEntity', title: 'Reveal Entity in Side Bar', icon: 'eye', palette: 'article' },
  reindex: { id: 'crosswire.reindex', title: 'Reindex Workspace Articles', icon: 'refresh', palette: 'always' },
  cancelIndexing: { id: 'crosswire.cancelIndexing', title: 'Stop Indexing', icon: 'debug-stop', palette: 'indexing' },
  toggleHighlights: { id: 'crosswire.toggleHighlights', title: 'Toggle Highlights', icon: 'symbol-color', palette: 'always' },
  chooseHighlights: { id: 'crosswire.chooseHighlights', title: 'Choose Highlights…', icon: 'symbol-color', palette: 'always' },
  chooseNameDensity: { id: 'crosswire.chooseNameDensity', title: 'Choose Which Names to Highlight…', icon: 'filter', palette: 'always' },
  showLog: { id: 'crosswire.showLog', title: 'Show Log', icon: 'output', palette: 'always' },
  importPages: { id: 'crosswire.importPages', title: 'Import Web Pages…', icon: 'cloud-download', palette: 'always' },
  compareVersions: { id: 'crosswire.compareVersions', title: 'Compare Versions', icon: 'diff', palette: 'article' },
  showCoverage: { id: 'crosswire.showCoverage', title: 'Show Coverage of the Story', icon: 'table', palette: 'always' },
  exportCoverage: { id: 'crosswire.exportCoverage', title: 'Export Coverage as CSV…', icon: 'export', palette: 'always' },
  nextLinkedQuote: { id: 'crosswire.nextLinkedQuote', title: 'Go to Next Linked Quote', icon: 'arrow-down', palette: 'article' },
  previousLinkedQuote: { id: 'crosswire.previousLinkedQuote', title: 'Go to Previous Linked Quote', icon: 'arrow-up', palette: 'article' },
  setSpeaker: { id: 'crosswire.setSpeaker', title: 'Set Speaker…', icon: 'person', palette: 'article' },
  notAQuote: { id: 'crosswire.notAQuote', title: 'Not a Quote', icon: 'close', palette: 'article' },
  notAnEntity: { id: 'crosswire.notAnEntity', title: 'Not an Entity', icon: 'close', palette: 'article' },
  changeType: { id: 'crosswire.changeType', title: 'Change Type…', icon: 'symbol-class', palette: 'article' },
  markAsEntity: { id: 'crosswire.markAsEntity', title: 'Mark as Entity…', icon: 'add', palette: 'article' },
  mergeEntities: { id: 'crosswire.mergeEntities', title: 'Merge Entities…', icon: 'merge', palette: 'article' },
  splitFromEntity: { id: 'crosswire.splitFromEntity', title: 'Split from Entity', icon: 'split-horizontal', palette: 'article' },
  unlinkQuotes: { id: 'crosswire.unlinkQuotes', title: 'Unlink These Quotes…', icon: 'debug-disconnect', palette: 'article' },
  linkToQuote: { id: 'crosswire.linkToQuote', title: 'Link to Quote…', icon: 'link', palette: 'article' },
  undoCorrection: { id: 'crosswire.undoCorrection', title: 'Undo Last Correction', icon: 'discard', palette: 'always' },
  exportAnalysis: { id: 'crosswire.exportAnalysis', title: 'Export Analysis…', icon: 'export', palette: 'always' },
  enableInWorkspace: { id: 'crosswire.enableInWorkspace', title: 'Enable in This Workspace', icon: 'check', palette: 'disabled' },
  disableInWorkspace: { id: 'crosswire.disableInWorkspace', title: 'Disable in This Workspace', icon: 'circle-slash', palette: 'enabled' },
  openQuote: { id: 'crosswire.openQuote', title: 'Open Quote', palette: 'never' },
  openLocation: { id: 'crosswire.openLocation', title: 'Open Location', palette: 'never' },
} as const satisfies Record<string, CommandInfo>;

export type CommandName = keyof typeof COMMANDS;

/** Command ids by name: `Commands.nextQuote === 'crosswire.nextQuote'`. */
export const Commands: { readonly [K in CommandName]: (typeof COMMANDS)[K]['id'] } = Object.fromEntries(
  Object.entries(COMMANDS).map(([name, info]) => [name, info.id]),
) as { readonly [K in CommandName]: (typeof COMMANDS)[K]['id'] };

/** The commands hovers may run from their links: only crosswire's own, never anything else. */
export const HOVER_COMMANDS: readonly string[] = [
  Commands.openQuote,
  Commands.openLocation,
  Commands.revealEntity,
  Commands.showEntityMentions,
  Commands.goToMatchingQuote,
  Commands.compareVersions,
  Commands.setSpeaker,
  Commands.notAQuote,
  Commands.notAnEntity,
];

/** Context keys the extension sets for `when` clauses. */
export const ContextKeys = {
  /** The active editor shows an article file. */
  isArticle: 'crosswire.isArticle',
  /** The workspace's articles are being indexed. */
  indexing: 'crosswire.indexing',
  /** Crosswire is off in this workspace (see the `crosswire.enable` setting): nothing is indexed. */
  off: 'crosswire.off',
  /** The cursor of the active article is in a quote: the editor's menu offers the quote's commands. */
  onQuote: 'crosswire.onQuote',
  /** The cursor of the active article is on a name: the editor's menu offers the entity's commands. */
  onName: 'crosswire.onName',
} as const;

/** Ids of the view container and views. */
export const Views = {
  container: 'crosswire',
  entities: 'crosswire.entities',
  quotes: 'crosswire.quotes',
} as const;
