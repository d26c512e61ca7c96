import { create } from 'zustand';
import type { LiveCall, RegistrationState } from '../../shared/ipc/phone.ts';
import type { ExportProgress } from '../../shared/ipc/recordings.ts';
import type { CardField } from '../../shared/scripts/call-script.ts';
import type { SettingsView } from '../../shared/ipc/settings.ts';
import type { AdminSection } from '../admin/admin-sections.ts';
import { settingsFieldSections, type SettingsField } from '../settings/settings-fields.ts';
import type { SettingsSection } from '../settings/settings-sections.ts';

export const screens = ['calls', 'contacts', 'settings', 'admin', 'messages', 'colleagues', 'stats', 'scoring'] as const;
export type Screen = (typeof screens)[number];
export type RecordingState = 'off' | 'announcing' | 'recording';
export type NoticeLevel = 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  level: NoticeLevel;
  message: string;
}

export interface AppState {
  /** Whether the core answers; the peer itself is in core/core-connection.ts (the store holds data only). */
  connection: { status: 'connecting' | 'connected' | 'disconnected' | 'fatal'; message: string | null };
  registration: RegistrationState | null;
  calls: LiveCall[];
  settings: SettingsView | null;
  notices: Notice[];
  screen: Screen;
  /** The part of Settings and of Admin on screen (kept in the address with the screen: screen-location.ts). */
  settingsSection: SettingsSection;
  adminSection: AdminSection;
  /** A Settings field another screen sent the person to: focused once its section is on screen, then null. */
  settingsFocus: SettingsField | null;
  /** Bumped when the core says stored data changed, so lists refetch. */
  dataVersion: { calls: number; contacts: number; recordings: number; scripts: number; messages: number; tasks: number; colleagues: number; scores: number };
  /** Each live call's recording: off, playing the consent announcement, or recording (the indicator). */
  recording: Record<string, RecordingState>;
  /** Recordings paused right now (silence is being recorded). */
  recordingPaused: Record<string, boolean>;
  /** Calls whose microphone is muted (the caller hears nothing from this desk). */
  muted: Record<string, boolean>;
  /** The call whose "take a message" form is open (from the call controls or the script's absent branch). */
  messageFormCallId: string | null;
  /** Card fields the call script captured, per call: a new caller's card form takes them up. */
  scriptCaptures: Record<string, Partial<Record<CardField, string>>>;
  /** An answered call that just ended: its wrap-up form is offered until saved or put off. */
  wrapUpCall: { id: string; name: string } | null;
  /** The latest export's progress, from the core's `export.progress` events. */
  exportProgress: ExportProgress | null;
  /** Headset call buttons (WebHID): whether this browser has them, and the headset in use. */
  headset: { supported: boolean; name: string | null };
}

export interface AppActions {
  connected(): void;
  disconnected(message: string, fatal?: boolean): void;
  setRegistration(registration: RegistrationState): void;
  setCalls(calls: LiveCall[]): void;
  setSettings(settings: SettingsView): void;
  dataChanged(what: keyof AppState['dataVersion']): void;
  pushNotice(level: NoticeLevel, message: string): void;
  dismissNotice(id: number): void;
  show(screen: Screen): void;
  showSettings(section: SettingsSection): void;
  /** Settings at the section holding the field, with the field focused. */
  showSettingsField(field: SettingsField): void;
  settingsFocused(): void;
  showAdmin(section: AdminSection): void;
  setRecording(callId: string, recording: RecordingState): void;
  setExportProgress(progress: ExportProgress): void;
  setScriptCapture(callId: string, field: CardField, value: string): void;
}

let nextNoticeId = 1;

/** The entries of the calls still on screen. */
function onlyOf<T>(calls: LiveCall[], byCall: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(byCall).filter(([id]) => calls.some((c) => c.id === id)));
}

export const useAppStore = create<AppState & AppActions>()((set) => ({
  connection: { status: 'connecting', message: null },
  registration: null,
  calls: [],
  settings: null,
  notices: [],
  screen: 'calls',
  settingsSection: 'language',
  adminSection: 'recording',
  settingsFocus: null,
  dataVersion: { calls: 0, contacts: 0, recordings: 0, scripts: 0, messages: 0, tasks: 0, colleagues: 0, scores: 0 },
  recording: {},
  recordingPaused: {},
  muted: {},
  messageFormCallId: null,
  exportProgress: null,
  headset: { supported: false, name: null },
  wrapUpCall: null,
  scriptCaptures: {},
  connected: () => set({ connection: { status: 'connected', message: null } }),
  disconnected: (message, fatal = false) => set({ connection: { status: fatal ? 'fatal' : 'disconnected', message } }),
  setRegistration: (registration) => set({ registration }),
  // A call's recording, pause and mute go with it: kept for ever, a day of calls would pile up here.
  setCalls: (calls) => set((s) => ({ calls, recording: onlyOf(calls, s.recording), recordingPaused: onlyOf(calls, s.recordingPaused), muted: onlyOf(calls, s.muted) })),
  setSettings: (settings) => set({ settings }),
  dataChanged: (what) => set((s) => ({ dataVersion: { ...s.dataVersion, [what]: s.dataVersion[what] + 1 } })),
  pushNotice: (level, message) =>
    set((s) => (s.notices.some((n) => n.message === message) ? s : { notices: [...s.notices.slice(-4), { id: nextNoticeId++, level, message }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  show: (screen) => set({ screen }),
  showSettings: (settingsSection) => set({ screen: 'settings', settingsSection }),
  showSettingsField: (field) => set({ screen: 'settings', settingsSection: settingsFieldSections[field], settingsFocus: field }),
  settingsFocused: () => set({ settingsFocus: null }),
  showAdmin: (adminSection) => set({ screen: 'admin', adminSection }),
  setRecording: (callId, recording) => set((s) => ({ recording: { ...s.recording, [callId]: recording } })),
  setExportProgress: (exportProgress) => set({ exportProgress }),
  setScriptCapture: (callId, field, value) => set((s) => ({ scriptCaptures: { ...s.scriptCaptures, [callId]: { ...s.scriptCaptures[callId], [field]: value } } })),
}));
