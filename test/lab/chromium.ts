import { chromium, type Browser } from '@playwright/test';

/**
 * Debian's Chromium as a real WebRTC endpoint with a fake microphone playing a tone file. It
 * resolves nothing but loopback and makes no background connections; tests run it inside the
 * lab's network namespace so no packet leaves the machine. `loopbackIce: false` leaves out the
 * switch that lets ICE use loopback, as a user's own browser is: with only loopback there, its
 * peer connections then gather no candidate at all (an offline laptop).
 */
export function launchLabChromium(options: { fakeMicWav: string; loopbackIce?: boolean }): Promise<Browser> {
  if (process.env.RINGSIDE_IN_NETNS !== '1') {
    throw new Error('The e2e lab runs only inside its own network namespace: use "npm run test:e2e".');
  }
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${options.fakeMicWav}`,
      '--autoplay-policy=no-user-gesture-required',
      ...(options.loopbackIce === false ? [] : ['--allow-loopback-in-peer-connection']),
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}
