import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { makeLabCertificates } from './tls-certificates.ts';

export interface SipLabOptions {
  dir: string;
  sipPort: number;
  wsPort: number;
  /** `dtmfLogPort`: rtpengine reports every DTMF event (RFC 4733) it relays as JSON over UDP there. */
  /** `cliPort`, `httpPort`: its own control ports, which must differ per lab (two labs side by side clash on the defaults 2224 and 2225). */
  rtpengine?: { ngPort: number; cliPort: number; httpPort: number; portMin: number; portMax: number; dtmfLogPort?: number };
  /** Also listen for secure WebSocket (wss://) on this port, with a certificate from a lab CA. */
  wssPort?: number;
  /** Busy lamps: Kamailio answers SUBSCRIBE for Event: dialog and publishes the calls it routes. */
  presence?: boolean;
  users: Record<string, string>;
}

export interface SipLab {
  wsUrl: string;
  /** Set when the lab was started with `wssPort`. */
  wss: { url: string; caFile: string } | null;
  domain: string;
  sipPort: number;
  startKamailio(): Promise<void>;
  stopKamailio(): Promise<void>;
  restartKamailio(): Promise<void>;
  stop(): Promise<void>;
}

const template = join(import.meta.dirname, 'kamailio.cfg.template');

/**
 * A real PBX for the tests: Kamailio (registrar with digest auth, SIP over WebSocket) and, when
 * asked, rtpengine to bridge plain RTP callers to WebRTC. Everything listens on 127.0.0.1 only.
 */
export async function startSipLab(options: SipLabOptions): Promise<SipLab> {
  mkdirSync(options.dir, { recursive: true });
  for (const binary of ['kamailio', ...(options.rtpengine ? ['rtpengine'] : [])]) {
    if (spawnSync('which', [binary]).status !== 0) {
      throw new Error(`${binary} is not installed: run test/lab/install-lab-packages.sh (as root)`);
    }
  }
  const config = join(options.dir, 'kamailio.cfg');
  const certificates = options.wssPort ? makeLabCertificates(options.dir) : null;
  const tlsConfig = join(options.dir, 'tls.cfg');
  if (certificates) {
    writeFileSync(tlsConfig, `[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\nprivate_key = ${certificates.keyFile}\ncertificate = ${certificates.certificateFile}\n`);
  }
  const puaDb = join(options.dir, 'pua-db');
  if (options.presence) {
    mkdirSync(puaDb, { recursive: true });
    writeFileSync(join(puaDb, 'version'), 'table_name(string) table_version(int)\npua:7\n');
    writeFileSync(join(puaDb, 'pua'), 'id(int,auto) pres_uri(string) pres_id(string) event(int) expires(int) desired_expires(int) flag(int) etag(string) tuple_id(string,null) watcher_uri(string,null) call_id(string) to_tag(string) from_tag(string) cseq(int) record_route(string,null) contact(string) remote_contact(string) version(int) extra_headers(string)\n');
  }
  const defines = [...(options.rtpengine ? ['-A', 'WITH_RTPENGINE'] : []), ...(certificates ? ['-A', 'WITH_TLS'] : []), ...(options.presence ? ['-A', 'WITH_PRESENCE'] : [])];
  const users = Object.entries(options.users)
    .map(([user, password]) => {
      if (!/^\w+$/.test(user) || !/^[\w-]+$/.test(password)) throw new Error(`Lab user ${user}: use letters, digits, - and _ only`);
      return `\t$sht(users=>${user}) = "${password}";`;
    })
    .join('\n');
  writeFileSync(
    config,
    readFileSync(template, 'utf8')
      .replaceAll('@@SIP_PORT@@', String(options.sipPort))
      .replaceAll('@@WS_PORT@@', String(options.wsPort))
      .replaceAll('@@RTPENGINE_NG_PORT@@', String(options.rtpengine?.ngPort ?? 0))
      .replaceAll('@@WSS_PORT@@', String(options.wssPort ?? 0))
      .replaceAll('@@TLS_CONFIG@@', tlsConfig)
      .replaceAll('@@PUA_DB@@', puaDb)
      .replace('@@USERS@@', users),
  );
  const check = spawnSync('kamailio', ['-f', config, '-c', ...defines], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`The Kamailio config does not check:\n${check.stderr}`);

  if (options.rtpengine) {
    const { ngPort, cliPort, httpPort, portMin, portMax, dtmfLogPort } = options.rtpengine;
    const pidFile = join(options.dir, 'rtpengine.pid');
    startDaemon('rtpengine', [
      '--interface=127.0.0.1', `--listen-ng=127.0.0.1:${ngPort}`, `--listen-cli=127.0.0.1:${cliPort}`, `--listen-http=127.0.0.1:${httpPort}`, `--port-min=${portMin}`, `--port-max=${portMax}`,
      '--table=-1', '--foreground', '--log-stderr', `--pidfile=${pidFile}`,
      ...(dtmfLogPort ? [`--dtmf-log-dest=127.0.0.1:${dtmfLogPort}`] : []),
    ], join(options.dir, 'rtpengine.log'));
    await waitForPidFile(pidFile);
  }

  const kamailioPid = join(options.dir, 'kamailio.pid');
  const startKamailio = async () => {
    startDaemon('kamailio', ['-f', config, ...defines, '-DD', '-E', '-Y', options.dir, '-P', kamailioPid, '-m', '64', '-M', '8'], join(options.dir, 'kamailio.log'));
    await waitForPort(options.wsPort);
    if (options.wssPort) await waitForPort(options.wssPort);
  };
  const stopKamailio = () => stopByPidFile(kamailioPid);
  await startKamailio();

  return {
    wsUrl: `ws://127.0.0.1:${options.wsPort}`,
    wss: certificates && options.wssPort ? { url: `wss://127.0.0.1:${options.wssPort}`, caFile: certificates.caFile } : null,
    domain: '127.0.0.1',
    sipPort: options.sipPort,
    startKamailio,
    stopKamailio,
    async restartKamailio() {
      await stopKamailio();
      await startKamailio();
    },
    async stop() {
      await stopKamailio();
      if (options.rtpengine) await stopByPidFile(join(options.dir, 'rtpengine.pid'));
    },
  };
}

function startDaemon(binary: string, args: string[], logFile: string): void {
  const out = openSync(logFile, 'a');
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
}

async function waitForPidFile(file: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (existsSync(file) && readFileSync(file, 'utf8').trim()) return;
    await sleep(50);
  }
  throw new Error(`${file} did not appear`);
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`Nothing listens on 127.0.0.1:${port}`);
}

async function stopByPidFile(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  // Kamailio's pid file names the main process; its children leave with it (same process group).
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
  }
  for (let i = 0; i < 100; i++) {
    if (!alive(pid)) return;
    await sleep(50);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
