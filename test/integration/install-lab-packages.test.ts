import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` begins with test/lab/install-lab-packages.sh. Packages cannot be removed from this
 * machine to try it, so the system's package tools are replaced by recording stand-ins on PATH:
 * the script itself runs as it would on a fresh machine.
 */
const script = resolve(import.meta.dirname, '../lab/install-lab-packages.sh');

function fakeSystem(options: { uid: number; debian: boolean; installed: string[]; aptFails?: boolean }): { bin: string; aptLog: string } {
  const bin = mkdtempSync(join(tmpdir(), 'ringside-fake-system-'));
  const aptLog = join(bin, 'apt-get.log');
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  for (const real of ['bash', 'grep']) symlinkSync(`/usr/bin/${real}`, join(bin, real));
  tool('id', `echo ${options.uid}`);
  tool('systemctl', 'exit 0');
  if (options.debian) {
    tool('dpkg-query', `for p in ${options.installed.join(' ')}; do [ "$p" = "\${@: -1}" ] && { printf 'install ok installed'; exit 0; }; done; exit 1`);
    tool('apt-get', `echo "$*" >> ${aptLog}; ${options.aptFails ? 'echo "E: Unable to locate package" >&2; exit 100' : 'exit 0'}`);
  }
  return { bin, aptLog };
}

function run(bin: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('/usr/bin/bash', [script], { env: { PATH: bin }, encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm test installs the lab packages it needs', () => {
  it('as root on Debian, installs exactly the missing packages', () => {
    const { bin, aptLog } = fakeSystem({ uid: 0, debian: true, installed: ['openssl', 'iproute2', 'util-linux'] });
    const result = run(bin);
    expect(result.status).toBe(0);
    const calls = readFileSync(aptLog, 'utf8').trim().split('\n');
    expect(calls[0]).toBe('update -qq');
    expect(calls[1]).toMatch(/^install -y -qq --no-install-recommends kamailio kamailio-websocket-modules .*chromium sox sip-tester rtpengine-daemon$/);
    expect(calls[1]).not.toMatch(/openssl|iproute2|util-linux/);
    expect(result.stdout).toContain('lab packages: installed');
  });

  it('with everything present, installs nothing', () => {
    const all = ['kamailio', 'kamailio-websocket-modules', 'kamailio-tls-modules', 'kamailio-presence-modules', 'openssl', 'ffmpeg', 'chromium', 'sox', 'sip-tester', 'rtpengine-daemon', 'iproute2', 'util-linux'];
    const { bin, aptLog } = fakeSystem({ uid: 0, debian: true, installed: all });
    expect(run(bin).status).toBe(0);
    expect(existsSync(aptLog)).toBe(false);
  });

  it('not as root, stops at once and names the one command to run', () => {
    const { bin, aptLog } = fakeSystem({ uid: 1000, debian: true, installed: [] });
    const result = run(bin);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Install them once with: sudo bash test/lab/install-lab-packages.sh');
    expect(existsSync(aptLog)).toBe(false);
  });

  it('without dpkg and apt-get (not Debian), stops at once and says so', () => {
    const { bin } = fakeSystem({ uid: 0, debian: false, installed: [] });
    const result = run(bin);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('this machine has no dpkg/apt-get');
    expect(result.stderr).toContain('sudo bash test/lab/install-lab-packages.sh');
  });

  it('when apt-get fails, says so and fails', () => {
    const { bin } = fakeSystem({ uid: 0, debian: true, installed: [], aptFails: true });
    const result = run(bin);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('E: Unable to locate package');
    expect(result.stderr).toMatch(/Installing kamailio .* failed/);
  });
});
