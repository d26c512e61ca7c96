import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform's per-user folder for Ringside when neither the config nor --data-dir names one. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Ringside');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Ringside');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Ringside');
}

/** Creates the folder if needed and checks it can be written, with an error that says which. */
export function prepareDataDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new Error(`The data folder ${dir} cannot be used: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return dir;
}
