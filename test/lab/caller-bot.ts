import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { peakFrequencyInPage } from './audio-probe.ts';
import { launchLabChromium } from './chromium.ts';
import { makeTone } from './tones.ts';

const pageDir = join(import.meta.dirname, 'caller-bot');
const sipJsDir = resolve(import.meta.dirname, '../../node_modules/sip.js/lib');

/** Serves the caller page and sip.js's ES modules on 127.0.0.1 (getUserMedia needs an http origin). */
export async function startCallerBotServer(port: number): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [base, relative] = path.startsWith('/sipjs/') ? [sipJsDir, path.slice('/sipjs/'.length)] : [pageDir, path === '/' ? 'index.html' : path.slice(1)];
    const file = join(base, normalize(relative));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${actual}`, close: () => new Promise((done) => server.close(() => done())) };
}

export interface CallerBotOptions {
  labDir: string;
  origin: string;
  toneHz: number;
  wsUrl: string;
  user: string;
  password: string;
  domain: string;
  displayName?: string;
}

/** A colleague's or client's phone: registers with the lab PBX and places or answers calls. */
export class CallerBot {
  readonly user: string;
  private readonly browser: Browser;
  readonly page: Page;
  private readonly options: CallerBotOptions;

  private constructor(browser: Browser, page: Page, options: CallerBotOptions) {
    this.browser = browser;
    this.page = page;
    this.options = options;
    this.user = options.user;
  }

  static async launch(options: CallerBotOptions): Promise<CallerBot> {
    const browser = await launchLabChromium({ fakeMicWav: makeTone(options.labDir, options.toneHz, 'wav') });
    const page = await browser.newPage();
    await page.goto(`${options.origin}/`);
    await page.waitForFunction(() => '__lab' in window);
    const bot = new CallerBot(browser, page, options);
    await bot.register();
    return bot;
  }

  async register(password = this.options.password): Promise<void> {
    const { wsUrl, user, domain, displayName } = this.options;
    await this.page.evaluate(
      (o) => (window as unknown as { __lab: { register(o: unknown): Promise<boolean> } }).__lab.register(o),
      { wsUrl, aor: `sip:${user}@${domain}`, authUser: user, password, displayName: displayName ?? `Caller ${user}` },
    );
  }

  async reconnect(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { __lab: { reconnect(): Promise<void> } }).__lab.reconnect());
  }

  /** `telephoneEvent: false` — a phone that cannot take RFC 4733 tones (keypad tones then come by SIP INFO). */
  async call(target: string, options: { telephoneEvent?: boolean } = {}): Promise<void> {
    await this.page.evaluate(
      ({ t, o }) => (window as unknown as { __lab: { call(t: string, o: unknown): Promise<void> } }).__lab.call(t, o),
      { t: `sip:${target}@${this.options.domain}`, o: options },
    );
  }

  /** Keypad tones that arrived by SIP INFO during the last call. */
  async dtmfReceived(): Promise<string> {
    return this.page.evaluate(() => (window as unknown as { __lab: { state: { dtmf: string } } }).__lab.state.dtmf);
  }

  async hangup(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { __lab: { hangup(): Promise<void> } }).__lab.hangup());
  }

  /** Sends a SIP MESSAGE; resolves once the other side answered (its status code is in the bot's log). */
  async message(target: string, body: string, contentType: string): Promise<void> {
    await this.page.evaluate(
      ({ t, b, c }) => (window as unknown as { __lab: { message(t: string, b: string, c: string): Promise<void> } }).__lab.message(t, b, c),
      { t: `sip:${target}@${this.options.domain}`, b: body, c: contentType },
    );
  }

  async answer(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { __lab: { answer(): Promise<void> } }).__lab.answer());
  }

  async status(): Promise<string> {
    return this.page.evaluate(() => (window as unknown as { __lab: { state: { status: string } } }).__lab.state.status);
  }

  async waitForStatus(status: 'established' | 'terminated' | 'incoming', timeoutMs = 30_000): Promise<void> {
    await this.page.waitForFunction((s) => (window as unknown as { __lab: { state: { status: string } } }).__lab.state.status === s, status, { timeout: timeoutMs });
  }

  /** Milliseconds from sending the INVITE to the 200 OK of the last call. */
  async answeredAfterMs(): Promise<number | null> {
    return this.page.evaluate(() => (window as unknown as { __lab: { state: { answeredAfterMs: number | null } } }).__lab.state.answeredAfterMs);
  }

  async peakFrequencyOfRemote(ms = 1500): Promise<{ hz: number; db: number }> {
    return this.page.evaluate(peakFrequencyInPage, { selector: null, ms });
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { __lab: { unregister(): Promise<void> } }).__lab.unregister()).catch(() => undefined);
    await this.browser.close();
  }
}
