import { registerCompare } from './compare';
import { registerCountBadges } from './countBadges';
import { registerCorrections } from './corrections';
import { registerExportAnalysis } from './exportAnalysis';
import { registerCoverageView } from './coverageView';
import { registerDecorations } from './decorations';
import { registerEntitiesView } from './entitiesView';
import { registerHover } from './hover';
import { registerImportPages } from './importPages';
import { registerNavigation } from './navigation';
import { registerQuotesView } from './quotesView';
import { registerReferences } from './references';
import { registerScope } from './scope';
import type { Feature } from './services';
import { registerSymbols } from './symbols';
import { registerVersions } from './versions';
import { registerStatusItem } from './statusItem';
import { registerContextKeys, registerWorkbenchCommands } from './workbench';

/** Every feature of the extension, each registering itself and returning what undoes it. */
export const features: readonly Feature[] = [
  registerScope,
  registerContextKeys,
  registerDecorations,
  registerHover,
  registerReferences,
  registerSymbols,
  registerCountBadges,
  registerEntitiesView,
  registerQuotesView,
  registerNavigation,
  registerWorkbenchCommands,
  registerStatusItem,
  registerImportPages,
  registerCompare,
  registerVersions,
  registerCoverageView,
  registerCorrections,
  registerExportAnalysis,
];
