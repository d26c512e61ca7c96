import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTone } from './tones.ts';

export interface SippCall {
  /** Resolves with SIPp's exit code when the call is over (0: the call completed). */
  done: Promise<{ code: number; output: string }>;
  /** The phone loses its power: no BYE, no more audio. */
  kill(): void;
}

/**
 * A desk phone calling over plain SIP/RTP (G.711 u-law) through Kamailio and rtpengine: it streams
 * a tone after the ACK and waits for the far end's BYE, or hangs up itself after `hangupAfterMs`.
 */
export function startSippCall(options: { labDir: string; kamailioSipPort: number; localPort: number; mediaPort: number; target: string; toneHz: number; hangupAfterMs: number }): SippCall {
  const tone = makeTone(options.labDir, options.toneHz, 'ulaw');
  const scenario = join(options.labDir, 'uac_rtp.xml');
  writeFileSync(
    scenario,
    readFileSync(join(import.meta.dirname, 'sipp', 'uac_rtp.xml'), 'utf8').replace('@@TONE_FILE@@', tone).replace('@@HANGUP_AFTER_MS@@', String(options.hangupAfterMs)),
  );
  const child = spawn(
    'sipp',
    [`127.0.0.1:${options.kamailioSipPort}`, '-sf', scenario, '-s', options.target, '-i', '127.0.0.1', '-p', String(options.localPort), '-mi', '127.0.0.1', '-mp', String(options.mediaPort), '-m', '1', '-nostdin', '-timeout', '60s', '-timeout_error'],
    { cwd: options.labDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return {
    done: new Promise((resolve) => child.on('exit', (code) => resolve({ code: code ?? -1, output }))),
    kill: () => void child.kill('SIGKILL'),
  };
}
