// The lab's caller: sip.js SimpleUser in a real Chromium with a fake microphone.
// Loaded as native ES modules straight from node_modules/sip.js/lib (served at /sipjs/).
import { Messager, UserAgent, Web } from '/sipjs/index.js';

const state = { status: 'idle', callStartedAt: 0, answeredAfterMs: null, events: [], dtmf: '' };

/** A phone that cannot take RFC 4733 tones: its SDP offers no telephone-event. */
function withoutTelephoneEvent(description) {
  const pts = [...description.sdp.matchAll(/^a=rtpmap:(\d+) telephone-event\//gm)].map((m) => m[1]);
  const lines = description.sdp
    .split('\r\n')
    .filter((line) => !pts.some((pt) => line.startsWith(`a=rtpmap:${pt} `) || line.startsWith(`a=fmtp:${pt} `)))
    .map((line) => (line.startsWith('m=audio ') ? line.split(' ').filter((part, i) => i < 3 || !pts.includes(part)).join(' ') : line));
  return Promise.resolve({ ...description, sdp: lines.join('\r\n') });
}
let user = null;

/** SimpleUser forgets a call that a REFER created once the referring call ends; its session manager does not. */
const currentSession = () => user?.sessionManager?.managedSessions.at(-1)?.session;

function log(event) {
  state.events.push(event);
  document.getElementById('log').textContent += `${event}\n`;
}

window.__lab = {
  state,
  async register({ wsUrl, aor, authUser, password, displayName }) {
    user = new Web.SimpleUser(wsUrl, {
      aor,
      media: { constraints: { audio: true, video: false }, remote: { audio: document.getElementById('remote') } },
      userAgentOptions: {
        authorizationUsername: authUser,
        authorizationPassword: password,
        displayName,
        logLevel: 'warn',
        sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 500 },
      },
      delegate: {
        onCallReceived: () => { state.status = 'incoming'; log('incoming'); },
        onCallAnswered: () => {
          state.status = 'established';
          state.answeredAfterMs = performance.now() - state.callStartedAt;
          log('established');
        },
        // After a transfer the new call lives on while the old one ends: only the last one ending counts.
        onCallHangup: () => { if (!currentSession()) state.status = 'terminated'; log('terminated'); },
        onCallDTMFReceived: (tone) => { state.dtmf += tone; log(`dtmf ${tone}`); },
        onRegistered: () => log('registered'),
        onServerDisconnect: () => log('disconnected'),
      },
    });
    await user.connect();
    await new Promise((resolve, reject) => {
      user.register({ requestDelegate: { onAccept: resolve, onReject: (r) => reject(new Error(`${r.message.statusCode} ${r.message.reasonPhrase}`)) } }).catch(reject);
    });
    return true;
  },
  async reconnect() {
    await user.disconnect().catch(() => undefined);
    await user.connect();
    await user.register();
  },
  async unregister() { await user?.unregister().catch(() => undefined); await user?.disconnect().catch(() => undefined); },
  async call(target, { telephoneEvent = true } = {}) {
    state.status = 'calling';
    state.answeredAfterMs = null;
    state.callStartedAt = performance.now();
    state.dtmf = '';
    await user.call(target, { inviteWithoutSdp: false }, telephoneEvent ? {} : { sessionDescriptionHandlerModifiers: [withoutTelephoneEvent] });
  },
  async answer() { await user.answer(); },
  /** A SIP MESSAGE with any body and content type (what a colleague's Ringside, or an attacker, could send). */
  async message(target, body, contentType) {
    await new Promise((resolve, reject) => {
      new Messager(user.sessionManager.userAgent, UserAgent.makeURI(target), body, contentType)
        .message({ requestDelegate: { onAccept: () => resolve(200), onReject: (r) => resolve(r.message.statusCode) } })
        .catch(reject);
    }).then((code) => log(`message ${code}`));
  },
  /** 603 Decline: the person saw the call and chose not to take it. */
  async decline() { await currentSession()?.reject({ statusCode: 603 }); },
  async hangup() {
    const session = currentSession();
    if (session) await user.sessionManager.hangup(session);
  },
  remoteStream: () => remoteStream(),
};
// WebAudio hears a remote stream only while an <audio> element plays it; after a transfer the
// session manager may have detached the new call's stream when the old call ended.
const remoteStream = () => {
  const session = currentSession();
  const stream = session ? user.sessionManager.getRemoteMediaStream(session) : undefined;
  const element = document.getElementById('remote');
  if (stream && element.srcObject !== stream) {
    element.srcObject = stream;
    void element.play().catch(() => undefined);
  }
  return stream;
};
window.__labRemoteStream = remoteStream;
