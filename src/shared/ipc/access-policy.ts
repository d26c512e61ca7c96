import type { CoreMethods } from './api.ts';

/**
 * Who may call a core method. The RPC layer checks this before any handler runs.
 * - `desk`: anyone at the desk (the person taking calls).
 * - `admin`: a window that entered the admin PIN (export, retention, scripts, scorecard).
 * - `agent-or-admin`: the agent whose call `params.callId` names, or an admin.
 * - `desk-admin-settings`: anyone, but a patch that changes an admin setting (recording policy,
 *   consent, encryption…) needs the admin PIN; the settings screen sends every field on save.
 * - `new-desk`: only while the desk is new (no PIN, guide not finished, no calls; decision 0016).
 */
export type MethodAccess = 'desk' | 'admin' | 'agent-or-admin' | 'desk-admin-settings' | 'new-desk';

/** Every method of the contract, and who may call it. A method missing here does not type-check. */
export const ACCESS_POLICY = {
  'session.hello': 'desk',
  'settings.get': 'desk',
  'settings.update': 'desk-admin-settings',
  'settings.setPassword': 'desk',

  'phone.setAvailability': 'desk',
  'phone.answer': 'desk',
  'phone.hangup': 'desk',
  'phone.decline': 'desk',
  'phone.reconnect': 'desk',
  'phone.hold': 'desk',
  'phone.dtmf': 'desk',
  'phone.dial': 'desk',
  'phone.blindTransfer': 'desk',
  'phone.consult': 'desk',
  'phone.completeTransfer': 'desk',
  'phone.cancelTransfer': 'desk',
  'practice.start': 'desk',

  'messages.send': 'desk',
  'messages.list': 'desk',
  'messages.setStatus': 'desk',
  'colleagues.list': 'desk',
  'colleagues.save': 'desk',
  'colleagues.remove': 'desk',
  'tasks.open': 'desk',
  'tasks.dueNow': 'desk',
  'tasks.create': 'desk',
  'tasks.callBack': 'desk',
  'tasks.complete': 'desk',

  'contacts.get': 'desk',
  'contacts.save': 'desk',
  'contacts.search': 'desk',
  'contacts.capture': 'desk',
  'contacts.saveCallCard': 'desk',
  'contacts.cardForNumber': 'desk',
  'contacts.delete': 'desk',
  'contacts.importCsv': 'desk',

  'calls.list': 'desk',
  'calls.wrapUp': 'desk',

  'recordings.chunk': 'desk',
  'recordings.pause': 'desk',
  'recordings.lastChunk': 'desk',
  'recordings.consent': 'desk',
  'recordings.forCall': 'desk',
  'recordings.peaks': 'desk',

  'admin.status': 'desk',
  /** The current PIN is its own proof (checked by the admin module). */
  'admin.setPin': 'desk',
  'setup.setFirstAdminPin': 'new-desk',
  'admin.unlock': 'desk',
  'admin.lock': 'desk',
  'admin.auditLog': 'admin',
  'admin.refusedTraffic': 'admin',
  'admin.setAnnouncement': 'admin',

  'scripts.list': 'desk',
  'scripts.get': 'desk',
  'scripts.saveProgress': 'desk',
  'scripts.progress': 'desk',
  'scripts.save': 'admin',
  'scripts.import': 'admin',
  'scripts.delete': 'admin',

  'stats.agents': 'desk',
  'stats.desk': 'desk',
  'scoring.card': 'desk',
  'scoring.saveCard': 'admin',
  'scoring.resetCard': 'admin',
  'scoring.calls': 'admin',
  'scoring.mine': 'desk',
  'scoring.view': 'agent-or-admin',
  'scoring.save': 'admin',
  'scoring.averages': 'admin',

  'export.agents': 'admin',
  'export.preview': 'admin',
  'export.start': 'admin',
  'export.cancel': 'admin',
  'retention.preview': 'admin',
  'retention.delete': 'admin',
} as const satisfies Record<keyof CoreMethods, MethodAccess>;
