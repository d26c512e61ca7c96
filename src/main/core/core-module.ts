import type { z } from 'zod';
import type { Clock } from '../../shared/clock.ts';
import type { CoreEvents, CoreMethods } from '../../shared/ipc/api.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ClientSession } from '../admin/admin-session.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import type { MediaFile } from '../host/media-file.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { CoreStores } from './core-stores.ts';
import type { DomainEventBus } from './domain-event-bus.ts';

/** The methods the domain modules handle; `session.hello` is the core's own (it gathers what every module shows). */
export type ModuleMethod = Exclude<keyof CoreMethods, 'session.hello'>;

/** A handler gets the parsed params and the session of the window that called (whether it entered the admin PIN). */
export type ModuleHandler<K extends ModuleMethod> = (
  params: z.output<CoreMethods[K]['params']>,
  session: ClientSession,
) => Promise<z.input<CoreMethods[K]['result']>> | z.input<CoreMethods[K]['result']>;

export type ModuleHandlers<M extends ModuleMethod> = { [K in M]: ModuleHandler<K> };

/** Sends an event to every window and to the host shell. Data changes go through the domain events instead. */
export type Broadcast = <K extends keyof CoreEvents>(name: K, payload: z.input<CoreEvents[K]>) => void;

/** What every module is given: the core's clock, log, event bus, stores and settings. */
export interface ModuleContext {
  clock: Clock;
  log: Logger;
  bus: DomainEventBus;
  settings: SettingsStore;
  database: OpenedDatabase;
  stores: CoreStores;
  dataDir: string;
  /** Bundled files (scripts, practice callers, the consent announcement). */
  resourcesDir: string;
  newId(): string;
  /** Who acts at this desk, for rows and the audit log: its SIP address. */
  actor(): string;
  broadcast: Broadcast;
}

/** A domain's part of the core: the RPC methods it answers, and what it stops when the core stops. */
export interface CoreModule<M extends ModuleMethod> {
  handlers: ModuleHandlers<M>;
  /** A file a window fetches by media path, when the path is this domain's. */
  resolveMedia?(path: string): Promise<MediaFile | null>;
  dispose?(): void | Promise<void>;
}
