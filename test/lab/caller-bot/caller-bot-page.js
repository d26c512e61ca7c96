// The lab's caller: sip.js SimpleUser in a real Chromium with a fake microphone.
// Loaded as native ES modules straight from node_modules/sip.js/lib (served at /sipjs/).
import { Web } from '/sipjs/index.js';

const state = { status: 'idle', callStartedAt: 0, answeredAfterMs: null, events: [] };
let user = null;

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
        onCallHangup: () => { state.status = 'terminated'; log('terminated'); },
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
  async call(target) {
    state.status = 'calling';
    state.answeredAfterMs = null;
    state.callStartedAt = performance.now();
    await user.call(target, { inviteWithoutSdp: false });
  },
  async answer() { await user.answer(); },
  async hangup() { await user.hangup(); },
  remoteStream: () => user?.remoteMediaStream,
};
window.__labRemoteStream = () => user?.remoteMediaStream;
