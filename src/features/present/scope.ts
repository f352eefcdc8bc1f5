/**
 * Whether Crosswire works in a workspace: the `crosswire.enable` setting, the answer the user gave
 * for this workspace, and what the folders look like, in that order. Pure, so it is unit-tested.
 */
import type { FolderKind } from '../../core/folder-kind';

/** `crosswire.enable`: decide by the folder (`auto`), or always on or off where it is set. */
export type EnableSetting = 'auto' | 'on' | 'off';

/** What the user answered for this workspace (the Enable and Disable commands, or the prompt), if anything. */
export type WorkspaceAnswer = 'on' | 'off' | undefined;

export interface ScopeDecision {
  readonly enabled: boolean;
  /** The user should be asked once whether to use Crosswire here. */
  readonly ask: boolean;
  /** Why, in words for the status bar's tooltip and the log. */
  readonly why: string;
}

/** Whether Crosswire works in a workspace whose folders are of `kind`. */
export function decideScope(setting: EnableSetting, answer: WorkspaceAnswer, kind: FolderKind): ScopeDecision {
  if (setting === 'on') return { enabled: true, ask: false, why: 'the crosswire.enable setting is on' };
  if (setting === 'off') return { enabled: false, ask: false, why: 'the crosswire.enable setting is off' };
  if (answer === 'on') return { enabled: true, ask: false, why: 'it was enabled in this workspace' };
  if (answer === 'off') return { enabled: false, ask: false, why: 'it was disabled in this workspace' };
  if (kind.kind === 'articles') return { enabled: true, ask: false, why: `this looks like a folder of articles (${kind.reason})` };
  return { enabled: false, ask: true, why: `this looks like a code repository (${kind.reason})` };
}
