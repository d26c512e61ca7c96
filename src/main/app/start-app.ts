import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../../shared/clock.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { openDatabase } from '../db/open-database.ts';
import { createFileLogger } from '../logging/file-logger.ts';
import { applyConfig, loadConfigFile, type ConfigFile } from '../settings/config-file.ts';
import { createMemorySecretStore, type SecretStore } from '../settings/secret-store.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { createKeyFileRecordingKeyStore, type RecordingKeyStore } from '../recordings/recording-key-store.ts';
import { defaultDataDir, prepareDataDir } from './data-dir.ts';
import type { PowerEvents } from './power-events.ts';

export interface StartedApp {
  core: Core;
  config: ConfigFile;
  args: { host?: string; port?: number };
  dataDir: string;
  /** Files shipped with Ringside (scripts, announcements, the tray icon). */
  resourcesDir: string;
  dispose(): Promise<void>;
}

export interface StartAppOptions {
  argv: string[];
  /** The platform's user-data folder (Electron's app.getPath('userData')); else the XDG/AppData rule. */
  userDataDir?: string;
  power?: PowerEvents;
  /** Bundled files; Electron passes its packaged resources folder. */
  resourcesDir?: string;
  /** Electron passes safeStorage; browser mode keeps the password in memory. */
  createSecrets?: (dataDir: string) => Promise<SecretStore>;
  /** Electron keeps the recordings key in safeStorage; browser mode in the config's `recordingKeyFile`. */
  createRecordingKeys?: (dataDir: string) => RecordingKeyStore;
}

/** Everything both hosts share: arguments, config, data folder, logs, database, settings, the core. */
export async function startApp(options: StartAppOptions): Promise<StartedApp> {
  const { values } = parseArgs({
    args: options.argv,
    allowPositionals: true,
    strict: false,
    options: { config: { type: 'string' }, 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  });
  const config = typeof values.config === 'string' ? loadConfigFile(resolve(values.config)) : {};
  const dataDir = prepareDataDir(resolve(config.dataDir ?? (typeof values['data-dir'] === 'string' ? values['data-dir'] : (options.userDataDir ?? defaultDataDir()))));
  const stored = options.createSecrets ? await options.createSecrets(dataDir) : createMemorySecretStore();
  let inUse: SecretStore = stored;
  const log = createFileLogger({ file: join(dataDir, 'logs', 'ringside.log'), level: 'info', secrets: () => [inUse.getPassword(), config.account?.password] });
  const database = await openDatabase(join(dataDir, 'ringside.sqlite'));
  const settings = createSettingsStore({ file: join(dataDir, 'settings.json'), log: log.child('settings') });
  const secrets = await applyConfig(config, settings, stored, log.child('config'));
  inUse = secrets;
  const resourcesDir = options.resourcesDir ?? resolve(import.meta.dirname, '../../../resources');
  const recordingKeys = options.createRecordingKeys ? options.createRecordingKeys(dataDir) : createKeyFileRecordingKeyStore(config.recordingKeyFile);
  const core = createCore({ dataDir, resourcesDir, database, clock: systemClock, log, settings, secrets, recordingKeys, ...(options.power && { power: options.power }) });
  const port = typeof values.port === 'string' ? Number(values.port) : undefined;
  log.info('Ringside started', { dataDir });
  return {
    core,
    config,
    dataDir,
    resourcesDir,
    args: { ...(typeof values.host === 'string' && { host: values.host }), ...(port !== undefined && Number.isInteger(port) && { port }) },
    async dispose() {
      await core.dispose();
      await database.close();
    },
  };
}
