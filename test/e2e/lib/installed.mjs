// @ts-check
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.96.4';

/** The code-server folder scripts/e2e-setup.sh installs, or the one CROSSWIRE_E2E_CODE_SERVER names. */
export function installedCodeServer() {
  return (
    process.env.CROSSWIRE_E2E_CODE_SERVER ??
    join(process.env.CROSSWIRE_E2E_CACHE ?? join(homedir(), '.cache', 'crosswire-e2e'), `code-server-${CODE_SERVER_VERSION}`)
  );
}
