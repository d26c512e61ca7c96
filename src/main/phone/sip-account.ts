import {
  type Core,
  Invitation,
  Inviter,
  Messager,
  type Message,
  Registerer,
  RegistererState,
  SIPExtension,
  Subscriber,
  SubscriptionState,
  UserAgent,
  UserAgentState,
  type LogLevel,
  type SessionDescriptionHandlerFactory,
  type URI,
  type UserAgentOptions,
} from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import { transferTargetSchema, type RegistrationState } from '../../shared/ipc/phone.ts';
import { isOnline, transitionRegistration } from './registration-transition.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { MAX_RING_TIMEOUT_S, type AccountSettings } from '../../shared/ipc/settings.ts';
import type { Logger } from '../../shared/logger.ts';
import { CertificateUnreadableError, type PbxTrust } from './pbx-trust.ts';
import { registrationReasonInEnglish, type RegistrationProblem, type TlsProblem } from '../../shared/phone/registration-problem.ts';
import { guardIncomingSip } from './guard-incoming-sip.ts';
import { reconnectDelayMs } from './reconnect-backoff.ts';
import { FlowKeepAlive } from './flow-keep-alive.ts';
import { byeRequest, type StoredDialog } from './orphaned-dialogs.ts';

const REGISTER_EXPIRES_S = 300;
/** One flow per desk: the desk has one WebSocket connection to one PBX. */
const OUTBOUND_REG_ID = 1;
const SUBSCRIBE_EXPIRES_S = 600;
const WATCHDOG_MS = 5000;
/** A watchdog tick this late means the machine slept: reconnect at once. */
const SLEEP_GAP_MS = 20_000;

export interface SipAccountDeps {
  clock: Clock;
  log: Logger;
  sessionDescriptionHandlerFactory: SessionDescriptionHandlerFactory;
  onInvite(invitation: Invitation): void;
  /** A SIP MESSAGE arrived (colleagues' Ringside messages); the handler accepts or rejects it. */
  onMessage(message: Message): void;
  onStateChange(state: RegistrationState): void;
  random?: () => number;
  /** Which certificates wss:// trusts (Settings → PBX certificate). */
  trust?: PbxTrust;
  /** After a failed connection: why TLS failed, or null. */
  diagnoseTls?: (serverUrl: string) => Promise<TlsProblem | null>;
  /**
   * Whether a window is there to carry calls' audio. Without one the account connects but does not
   * register (calls would be refused or left silent); mediaHostArrived() registers it then.
   */
  mediaReady?: () => boolean;
  /**
   * This desk's SIP Outbound instance (RFC 5626 §4.1), kept for the life of its data folder: a
   * re-registration after the PBX restarted replaces the desk's binding instead of adding one.
   */
  instanceId: string;
}

/**
 * The account on the PBX: one sip.js UserAgent over WebSocket and its Registerer. It reconnects
 * by itself with backoff after a drop or a sleep, and re-registers. A refused password is not
 * retried automatically (that would lock accounts on servers with fail2ban); the user retries.
 */
export class SipAccount {
  private readonly deps: SipAccountDeps;
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private generation = 0;
  private retryTimer: unknown = null;
  private watchdogTimer: unknown = null;
  private lastTick = 0;
  private state: RegistrationState = { status: 'unconfigured', reason: null, problem: null, retryAt: null, attempt: 0, aor: null };
  private account: AccountSettings | null = null;
  private password: string | null = null;
  /** Connected, and registering as soon as a window is there to carry calls' audio. */
  private awaitingMedia: { generation: number; account: AccountSettings; attempt: number } | null = null;
  /** CRLF keep-alives on the current connection (RFC 5626 §4.4.1). */
  private keepAlive: FlowKeepAlive | null = null;

  constructor(deps: SipAccountDeps) {
    this.deps = deps;
  }

  get registration(): RegistrationState {
    return this.state;
  }

  /** Applies new account settings: tears the old agent down and connects with the new one. */
  configure(account: AccountSettings, password: string | null): void {
    const same =
      this.account !== null &&
      JSON.stringify(this.account) === JSON.stringify(account) &&
      this.password === password &&
      this.ua !== null;
    if (same) return;
    this.account = account;
    this.password = password;
    void this.restart();
  }

  /** One SIP MESSAGE to a colleague; resolves when their phone took it (2xx), else rejects with why. */
  sendMessage(target: URI, body: string, contentType: string): Promise<void> {
    if (!this.ua || !isOnline(this.state.status)) return Promise.reject(new Error('not connected to the phone system'));
    const ua = this.ua;
    return new Promise((resolve, reject) => {
      new Messager(ua, target, body, contentType)
        .message({
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`${response.message.statusCode} ${response.message.reasonPhrase}`)),
          },
        })
        .catch(reject);
    });
  }

  /**
   * A subscription to an event package at `target` (RFC 6665); sip.js refreshes it. Ends (onEnded)
   * when refused, timed out or terminated by the server, and when the account disconnects.
   */
  subscribe(target: URI, event: string, accept: string, handlers: { onNotify(body: string): void; onEnded(): void }): { cancel(): void } {
    if (!this.ua || !isOnline(this.state.status)) {
      queueMicrotask(() => handlers.onEnded());
      return { cancel: () => undefined };
    }
    const subscriber = new Subscriber(this.ua, target, event, { extraHeaders: [`Accept: ${accept}`], expires: SUBSCRIBE_EXPIRES_S });
    let cancelled = false;
    subscriber.delegate = {
      onNotify: (notification) => {
        void notification.accept().catch(() => undefined);
        if (!cancelled) handlers.onNotify(notification.request.body);
      },
    };
    subscriber.stateChange.addListener((state) => {
      if (state === SubscriptionState.Terminated && !cancelled) handlers.onEnded();
    });
    subscriber.subscribe().catch((error: unknown) => {
      this.deps.log.warn('SUBSCRIBE could not be sent', { event, error: String(error) });
      if (!cancelled) handlers.onEnded();
    });
    return {
      cancel: () => {
        cancelled = true;
        void subscriber.unsubscribe().catch(() => undefined);
      },
    };
  }

  /**
   * A BYE in a dialog an earlier run of the main side left behind (orphaned-dialogs.ts): its
   * session died with that run. Resolves with the final answer's status.
   */
  sendBye(dialog: StoredDialog): Promise<number> {
    if (!this.ua || !isOnline(this.state.status)) return Promise.reject(new Error('not connected to the phone system'));
    const core = this.ua.userAgentCore;
    const message = byeRequest(core, dialog);
    return new Promise((resolve) => {
      const answered = (response: Core.IncomingResponse) => resolve(response.message.statusCode ?? 0);
      core.request(message, { onAccept: answered, onRedirect: answered, onReject: answered });
    });
  }

  /** An outgoing call from this account; refused while it is not registered. */
  makeInviter(target: URI, extraHeaders: string[]): Inviter {
    if (!this.ua || !isOnline(this.state.status)) {
      throw new RpcError('not-registered', 'Ringside is not connected to the phone system: calls cannot go out now.');
    }
    return new Inviter(this.ua, target, { extraHeaders });
  }

  /** An extension or number on the office's PBX (sip:<target>@<its domain>), or a full SIP address. */
  uriFor(target: string): URI {
    if (!this.account?.sipUri) throw new RpcError('no-account', 'Set up the phone system account first (Settings).');
    const parsed = transferTargetSchema.safeParse(target);
    if (!parsed.success) throw new RpcError('bad-target', `“${target}” is not an extension, a number or a SIP address.`, { target });
    const domain = UserAgent.makeURI(this.account.sipUri)?.host;
    const uri = UserAgent.makeURI(parsed.data.startsWith('sip') ? parsed.data : `sip:${parsed.data}@${domain ?? ''}`);
    if (!uri || !domain) throw new RpcError('bad-target', `“${target}” is not an extension, a number or a SIP address.`, { target });
    return uri;
  }

  /** "Retry now", a wake from sleep, or a network change. */
  reconnectNow(): void {
    if (!this.account) return;
    void this.restart();
  }

  /** A window that carries calls' audio is open: an account waiting for one registers now. */
  mediaHostArrived(): void {
    const waiting = this.awaitingMedia;
    this.awaitingMedia = null;
    if (!waiting || waiting.generation !== this.generation) return;
    this.register(waiting.generation, waiting.account, waiting.attempt);
  }

  notifyResume(): void {
    this.deps.log.info('System resumed: reconnecting to the PBX');
    this.reconnectNow();
  }

  async dispose(): Promise<void> {
    this.generation++;
    this.clearTimers();
    await this.teardown();
  }

  private async restart(): Promise<void> {
    const generation = ++this.generation;
    this.clearTimers();
    await this.teardown();
    if (generation !== this.generation) return;
    const account = this.account;
    const missing = missingAccountFields(account, this.password);
    if (!account || missing.length > 0) {
      this.setState({ status: 'unconfigured', problem: { code: 'account-missing', params: { fields: missing } }, retryAt: null, attempt: 0, aor: null });
      return;
    }
    try {
      this.deps.trust?.use(account.pbxCertificate);
    } catch (error) {
      const detail = error instanceof CertificateUnreadableError ? error.detail : describe(error);
      this.setState({ status: 'failed', problem: { code: 'bad-certificate', params: { detail } }, retryAt: null, attempt: 0, aor: account.sipUri });
      return;
    }
    this.startWatchdog();
    this.connect(generation, account, 1);
  }

  private connect(generation: number, account: AccountSettings, attempt: number): void {
    const uri = UserAgent.makeURI(account.sipUri);
    if (!uri) {
      this.setState({ status: 'failed', problem: { code: 'bad-sip-address', params: { address: account.sipUri } }, retryAt: null, attempt, aor: account.sipUri });
      return;
    }
    this.setState({ status: 'connecting', problem: null, retryAt: null, attempt, aor: account.sipUri });
    const ua = this.ua ?? this.createUserAgent(generation, account, uri);
    this.ua = ua;
    const connecting = ua.isConnected() ? Promise.resolve() : ua.state === UserAgentState.Started ? ua.reconnect() : ua.start();
    connecting.then(
      () => {
        if (generation !== this.generation) return;
        this.keepFlowAlive(generation, account, ua);
        if (this.deps.mediaReady && !this.deps.mediaReady()) {
          this.deps.log.info('Connected to the PBX: registering once a Ringside window is open to carry the calls');
          this.awaitingMedia = { generation, account, attempt };
          return;
        }
        this.register(generation, account, attempt);
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.deps.log.warn('Cannot connect to the PBX', { server: account.serverUrl, error: describe(error) });
        const diagnosis = this.deps.diagnoseTls?.(account.serverUrl) ?? Promise.resolve(null);
        void diagnosis.then((problem) => {
          if (generation !== this.generation) return;
          this.failAndRetry(generation, account, attempt, problem ?? { code: 'unreachable', params: { server: account.serverUrl } });
        });
      },
    );
  }

  private createUserAgent(generation: number, account: AccountSettings, uri: NonNullable<ReturnType<typeof UserAgent.makeURI>>): UserAgent {
    const log = this.deps.log.child('sip.js');
    const options: UserAgentOptions = {
      uri,
      // Keep-alives are FlowKeepAlive's, which also notices when they go unanswered.
      transportOptions: { server: account.serverUrl, connectionTimeout: 5 },
      authorizationUsername: account.authUser || uri.user,
      authorizationPassword: this.password ?? '',
      displayName: account.displayName || undefined,
      sessionDescriptionHandlerFactory: this.deps.sessionDescriptionHandlerFactory,
      logBuiltinEnabled: false,
      logLevel: 'warn',
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
        const fields = { category };
        if (level === 'error') log.error(content, fields);
        else if (level === 'warn') log.warn(content, fields);
        else log.debug(content, fields);
      },
      // Only a backstop: the call manager ends ringing at the ring timeout (Settings) or the INVITE's Expires.
      noAnswerTimeout: MAX_RING_TIMEOUT_S + 60,
      // The call manager sends 180 Ringing itself when the call rings: a call it refuses gets no 180 first.
      sendInitialProvisionalResponse: false,
      // Warm transfers: a caller put through by a colleague replaces the consult call (RFC 3891).
      sipExtensionReplaces: SIPExtension.Supported,
      // A GRUU (RFC 5627) names this instance, not a connection: in-dialog requests sent to it
      // reach the desk over its new connection after the PBX restarted.
      sipExtensionExtraSupported: ['gruu'],
      instanceId: this.deps.instanceId,
      userAgentString: 'Ringside',
      delegate: {
        onMessage: (message) => {
          if (generation === this.generation) this.deps.onMessage(message);
          else void message.reject({ statusCode: 480 }).catch(() => undefined);
        },
        onInvite: (invitation) => {
          if (generation === this.generation) this.deps.onInvite(invitation);
          else void invitation.reject({ statusCode: 480 }).catch(() => undefined);
        },
        onDisconnect: (error) => {
          if (generation !== this.generation || !error) return;
          this.stopKeepAlive();
          this.deps.log.warn('Connection to the PBX lost', { error: describe(error) });
          this.failAndRetry(generation, account, 1, { code: 'connection-lost', params: {} });
        },
      },
    };
    const ua = new UserAgent(options);
    markOutboundContact(ua);
    hearPongs(ua, () => this.keepAlive?.pong());
    guardIncomingSip(ua, this.deps.log.child('sip-input'));
    return ua;
  }

  private register(generation: number, account: AccountSettings, attempt: number): void {
    const ua = this.ua;
    if (!ua) return;
    if (!this.registerer) {
      // SIP Outbound (RFC 5626 §4.2): +sip.instance and reg-id on the Contact, so the registrar
      // keeps one flow per desk and the re-REGISTER on a new connection replaces the old one.
      const registerer = new Registerer(ua, { expires: REGISTER_EXPIRES_S, regId: OUTBOUND_REG_ID, instanceId: this.deps.instanceId });
      registerer.stateChange.addListener((registererState) => {
        if (generation !== this.generation) return;
        if (registererState === RegistererState.Registered) {
          this.setState({ status: 'registered', problem: null, retryAt: null, attempt: 0, aor: account.sipUri });
        } else if (registererState === RegistererState.Unregistered && this.state.status === 'registered') {
          this.failAndRetry(generation, account, 1, { code: 'registration-ended', params: {} });
        }
      });
      this.registerer = registerer;
    }
    this.registerer
      .register({
        requestDelegate: {
          // A refresh of a stale registration keeps the registerer "Registered", so no state
          // change fires: the 200 OK itself is the signal.
          onAccept: (response) => {
            if (generation !== this.generation) return;
            // A registrar that supports Outbound answers every keep-alive (RFC 5626 §4.4.1).
            this.keepAlive?.expectPongs(/(^|,)\s*outbound\s*(,|$)/i.test(response.message.getHeader('Require') ?? ''));
            this.setState({ status: 'registered', problem: null, retryAt: null, attempt: 0, aor: account.sipUri });
          },
          onReject: (response) => {
            if (generation !== this.generation) return;
            const { statusCode, reasonPhrase } = response.message;
            const status = `${statusCode} ${reasonPhrase}`;
            if (statusCode === 401 || statusCode === 403 || statusCode === 407) {
              this.setState({ status: 'failed', problem: { code: 'auth-refused', params: { status } }, retryAt: null, attempt, aor: account.sipUri });
              return;
            }
            this.failAndRetry(generation, account, attempt, { code: 'server-refused', params: { status } });
          },
        },
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        this.failAndRetry(generation, account, attempt, { code: 'registration-failed', params: { detail: describe(error) } });
      });
  }

  private failAndRetry(generation: number, account: AccountSettings, attempt: number, problem: RegistrationProblem): void {
    if (this.retryTimer !== null) return;
    const delay = reconnectDelayMs(attempt, this.deps.random);
    const retryAt = this.deps.clock.now() + delay;
    this.setState({ status: 'failed', problem, retryAt, attempt, aor: account.sipUri });
    this.retryTimer = this.deps.clock.setTimeout(() => {
      this.retryTimer = null;
      if (generation !== this.generation) return;
      this.connect(generation, account, attempt + 1);
    }, delay);
  }

  private startWatchdog(): void {
    this.lastTick = this.deps.clock.now();
    const tick = () => {
      const now = this.deps.clock.now();
      const gap = now - this.lastTick;
      this.lastTick = now;
      this.watchdogTimer = this.deps.clock.setTimeout(tick, WATCHDOG_MS);
      if (gap > SLEEP_GAP_MS) {
        this.deps.log.info('The clock jumped (the machine probably slept): reconnecting', { gapMs: gap });
        this.reconnectNow();
      }
    };
    this.watchdogTimer = this.deps.clock.setTimeout(tick, WATCHDOG_MS);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.deps.clock.clearTimeout(this.retryTimer);
    if (this.watchdogTimer !== null) this.deps.clock.clearTimeout(this.watchdogTimer);
    this.retryTimer = null;
    this.watchdogTimer = null;
  }

  private keepFlowAlive(generation: number, account: AccountSettings, ua: UserAgent): void {
    this.stopKeepAlive();
    this.keepAlive = new FlowKeepAlive({
      clock: this.deps.clock,
      random: this.deps.random ?? Math.random,
      ping: () => void ua.transport.send('\r\n\r\n').catch(() => undefined),
      failed: () => {
        if (generation !== this.generation) return;
        this.keepAlive = null;
        this.deps.log.warn('The PBX did not answer a keep-alive: the connection is dead, reconnecting');
        void ua.transport.disconnect().catch(() => undefined);
        this.failAndRetry(generation, account, 1, { code: 'connection-lost', params: {} });
      },
    });
  }

  private stopKeepAlive(): void {
    this.keepAlive?.stop();
    this.keepAlive = null;
  }

  private async teardown(): Promise<void> {
    this.stopKeepAlive();
    const ua = this.ua;
    const registerer = this.registerer;
    this.ua = null;
    this.registerer = null;
    if (!ua) return;
    try {
      if (registerer && registerer.state === RegistererState.Registered && ua.isConnected()) {
        await withTimeout(registerer.unregister(), 2000);
      }
    } catch (error) {
      this.deps.log.debug('Unregister on teardown failed', { error: describe(error) });
    }
    await withTimeout(ua.stop(), 2000).catch(() => undefined);
  }

  private setState(next: Omit<RegistrationState, 'reason'>): void {
    const state: RegistrationState = { ...next, status: transitionRegistration(this.state.status, next.status), reason: next.problem ? registrationReasonInEnglish(next.problem) : null };
    if (JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.state = state;
    this.deps.onStateChange(state);
  }
}

/**
 * sip.js marks the Contact with ";ob" (RFC 5626 §4.3) only on dialog-forming requests; the
 * REGISTER that creates the flow carries it too, so the registrar knows the desk keeps its flow.
 */
function markOutboundContact(ua: UserAgent): void {
  const contact = ua.contact;
  const render = contact.toString.bind(contact);
  contact.toString = (options = {}) => render({ ...options, outbound: options.outbound === true || options.register === true });
}

/** The registrar's pong (a lone CRLF, RFC 5626 §4.4.1) never reaches sip.js's delegates: heard here. */
function hearPongs(ua: UserAgent, pong: () => void): void {
  const transport = ua.transport as unknown as { onWebSocketMessage(event: MessageEvent, ws: WebSocket): void };
  const receive = transport.onWebSocketMessage.bind(transport);
  transport.onWebSocketMessage = (event, ws) => {
    if (typeof event.data === 'string' && /^(\r\n)+$/.test(event.data)) pong();
    receive(event, ws);
  };
}

function missingAccountFields(account: AccountSettings | null, password: string | null): ('serverUrl' | 'sipUri' | 'password')[] {
  const missing: ('serverUrl' | 'sipUri' | 'password')[] = [];
  if (!account?.serverUrl) missing.push('serverUrl');
  if (!account?.sipUri) missing.push('sipUri');
  if (!password) missing.push('password');
  return missing;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
}
