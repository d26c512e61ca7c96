import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToCore } from './api/connect-to-core.ts';
import { mediaUrl } from './api/media-url.ts';
import { AppShell } from './app/app-shell.tsx';
import { createMediaEngine } from './media/media-engine.ts';
import { attachCallMedia } from './phone/call-actions.ts';
import { callerName, ringModeFor } from './phone/call-presentation.ts';
import { ringTrace } from './phone/ring-trace.ts';
import { i18n, setUiLanguage } from './i18n/i18n.ts';
import { currentDisplayFormat } from './i18n/display-format.ts';
import { useAppStore } from './state/app-store.ts';
import { coreConnected, coreDisconnected, corePeer, runAction } from './core/core-connection.ts';
import { locationFromHash, locationHash } from './state/screen-location.ts';
import type { LiveCall } from '../shared/ipc/phone.ts';
import type { CallbackTask } from '../shared/ipc/tasks.ts';
import { newlyRinging } from '../shared/phone/newly-ringing.ts';
import { connectHeadsetButtons } from './headset/headset-buttons.ts';
import { errorText } from './i18n/error-text.ts';
import { RpcError } from '../shared/ipc/rpc-protocol.ts';
import './app/app.css';

const media = createMediaEngine({
  onNotice: (message) => useAppStore.getState().pushNotice('warning', message),
  recordingFor: (callId) => ({
    chunk: async (seq, data, startedAt) => {
      const api = corePeer();
      if (!api) throw new Error(i18n.t('shell.notConnectedRecording'));
      await api.call('recordings.chunk', { callId, seq, data, startedAt });
    },
    lastChunkSent: async () => {
      await corePeer()?.call('recordings.lastChunk', { callId });
    },
    failed: (message) => useAppStore.getState().pushNotice('error', message),
  }),
  onRecordingChange: (callId, recording) => useAppStore.getState().setRecording(callId, recording),
  onConsent: (callId, played) => void runAction((api) => api.call('recordings.consent', { callId, played })),
  announcementUrl: () => mediaUrl('announcements/current'),
  mediaUrl,
  onMediaDead: (sessionId, reason) => corePeer()?.emit('media.dead', { sessionId, reason }),
});
attachCallMedia(media);

connectHeadsetButtons(navigator.hid);

// The screen and section live in the address too, so a reload (or a link) opens the same place.
useAppStore.setState(locationFromHash(window.location.hash));
window.addEventListener('hashchange', () => useAppStore.setState(locationFromHash(window.location.hash)));

useAppStore.subscribe((state, previous) => {
  if (state.calls !== previous.calls) media.setRinging(ringModeFor(state.calls));
  if (state.settings?.settings.devices !== previous.settings?.settings.devices && state.settings) {
    media.setDevices(state.settings.settings.devices);
  }
  if (state.settings && state.settings.settings.recordingPolicy !== previous.settings?.settings.recordingPolicy) {
    media.setRecordingPolicy(state.settings.settings.recordingPolicy);
  }
  if (state.settings && state.settings.settings.consent !== previous.settings?.settings.consent) media.setConsent(state.settings.settings.consent);
  if (state.settings) setUiLanguage(state.settings.settings.language);
  const hash = locationHash(state);
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
});

connectToCore({
  mediaHandlers: media.handlers,
  onConnected(peer) {
    peer.on('phone.registration', (r) => useAppStore.getState().setRegistration(r));
    peer.on('phone.calls', (calls) => {
      ringTrace.validated(calls);
      useAppStore.getState().setCalls(calls);
      ringTrace.stored();
      notifyRinging(calls);
    });
    peer.on('settings.changed', (s) => useAppStore.getState().setSettings(s));
    peer.on('data.changed', ({ what }) => useAppStore.getState().dataChanged(what));
    peer.on('notice', ({ level, code, message }) => useAppStore.getState().pushNotice(level, code === undefined ? message : errorText(new RpcError(code, message))));
    peer.on('export.progress', (progress) => useAppStore.getState().setExportProgress(progress));
    peer.on('messages.received', (message) => notifyMessage(message));
    peer.on('calls.wrapUpDue', ({ callId }) => askWrapUp(callId));
    peer.on('tasks.due', (task) => announceDueTask(task));
    peer.call('session.hello', { media: true }).then(
      (hello) => {
        const s = useAppStore.getState();
        coreConnected(peer);
        s.setSettings(hello.settings);
        s.setRegistration(hello.phone.registration);
        s.setCalls(hello.phone.calls);
        media.keepOnly(hello.phone.calls);
        s.dataChanged('calls');
        peer.call('tasks.dueNow', {}).then((due) => due.forEach(announceDueTask), () => undefined);
      },
      (error: unknown) => coreDisconnected(error instanceof Error ? error.message : String(error)),
    );
  },
  onDisconnected: (reason) => coreDisconnected(reason),
  onFatal: (message) => coreDisconnected(message, true),
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppShell />
    </StrictMode>,
  );
}

/** A message for this desk: a desktop notification when allowed, and a notice in the window. */
function notifyMessage(message: { fromName: string; callerName: string; urgency: 'normal' | 'urgent' }): void {
  const text = i18n.t('messages.notification', { from: message.fromName, caller: message.callerName });
  useAppStore.getState().pushNotice(message.urgency === 'urgent' ? 'warning' : 'info', text);
  if (!('Notification' in window)) return;
  const show = () => new Notification('Ringside', { body: text, tag: 'ringside-message' });
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default') void Notification.requestPermission().then((p) => p === 'granted' && show());
}

/** A call that starts ringing while Ringside is behind other windows: a desktop notification (R4: the card is waiting). */
let announcedCalls = new Set<string>();
function notifyRinging(calls: LiveCall[]): void {
  const { fresh, seen } = newlyRinging(announcedCalls, calls);
  announcedCalls = seen;
  if (fresh.length === 0 || !('Notification' in window) || Notification.permission !== 'granted') return;
  if (!document.hidden && document.hasFocus()) return;
  for (const call of fresh) {
    const notification = new Notification('Ringside', { body: i18n.t('calls.incomingNotification', { name: callerName(call) }), tag: `ringside-call-${call.id}`, requireInteraction: true });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }
}

/** Main says an answered call has just ended (R23): the wrap-up form asks about it. */
function askWrapUp(callId: string): void {
  const call = useAppStore.getState().calls.find((c) => c.id === callId);
  if (call) useAppStore.setState({ wrapUpCall: { id: call.id, name: callerName(call) } });
}

/**
 * A call-back whose time has come by main's clock (R27), shown once per window: main tells a
 * window as it connects what is due already, and every window when the next one falls due.
 */
const announcedTasks = new Set<string>();
function announceDueTask(task: CallbackTask): void {
  if (announcedTasks.has(task.id)) return;
  announcedTasks.add(task.id);
  const text = i18n.t('tasks.dueNow', { name: task.name || currentDisplayFormat().phone(task.number) });
  useAppStore.getState().pushNotice('warning', text);
  if ('Notification' in window && Notification.permission === 'granted') new Notification('Ringside', { body: text, tag: `ringside-task-${task.id}` });
}
