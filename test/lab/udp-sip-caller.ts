import { createSocket, type Socket } from 'node:dgram';

/**
 * A phone on plain UDP SIP, written out so every answer can be checked per call: sends INVITEs to
 * a user through the lab's Kamailio, ACKs final answers and remembers each status (once) per call.
 */
export class UdpSipCaller {
  readonly socket: Socket;
  readonly answers = new Map<string, { code: number; at: number; headers: string }[]>();
  /** Every response as it arrived, retransmissions too, per call. */
  readonly received = new Map<string, number[]>();
  readonly sentAt = new Map<string, number>();
  readonly port: number;
  private readonly target: { user: string; kamailioPort: number };
  private constructor(port: number, target: { user: string; kamailioPort: number }) {
    this.port = port;
    this.target = target;
    this.socket = createSocket('udp4');
    this.socket.on('message', (data) => this.receive(data.toString('utf8')));
  }

  /** A caller on 127.0.0.1:`port` calling `user` through Kamailio's UDP port. */
  static async open(port: number, target: { user: string; kamailioPort: number }): Promise<UdpSipCaller> {
    const caller = new UdpSipCaller(port, target);
    await new Promise<void>((resolve) => caller.socket.bind(port, '127.0.0.1', resolve));
    return caller;
  }

  /** `sdp`: the offer to send instead of a plain G.711 one (a fuzzer's, say). */
  invite(callId: string, extraHeaders: string[] = [], offer?: string): void {
    const sdp = offer ?? `v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ${this.port + 100} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n`;
    this.sentAt.set(callId, Date.now());
    // Tags and branches are SIP tokens: no "@".
    const token = callId.replace(/[^A-Za-z0-9-]/g, '-');
    this.send([
      `INVITE sip:${this.target.user}@127.0.0.1 SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${this.port};rport;branch=z9hG4bK-${token}`,
      'Max-Forwards: 70',
      `To: <sip:${this.target.user}@127.0.0.1>`,
      `From: "Caller" <sip:2105550${this.port % 1000}@127.0.0.1>;tag=from-${token}`,
      `Call-ID: ${callId}`,
      'CSeq: 1 INVITE',
      `Contact: <sip:caller@127.0.0.1:${this.port}>`,
      ...extraHeaders,
      'Content-Type: application/sdp',
      `Content-Length: ${sdp.length}`,
      '',
      sdp,
    ]);
  }

  codes(callId: string): number[] {
    return (this.answers.get(callId) ?? []).map((a) => a.code).filter((code) => code !== 100);
  }

  /** How many responses with `code` arrived for the call, retransmissions and duplicates counted. */
  count(callId: string, code: number): number {
    return (this.received.get(callId) ?? []).filter((c) => c === code).length;
  }

  final(callId: string): { code: number; at: number; headers: string } | undefined {
    return this.answers.get(callId)?.find((a) => a.code >= 200);
  }

  async until(what: string, condition: () => boolean, ms: number): Promise<void> {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > ms) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.socket.close();
  }

  private receive(text: string): void {
    const status = /^SIP\/2\.0 (\d{3})/.exec(text);
    const callId = /^Call-ID:\s*(.+)$/im.exec(text)?.[1]?.trim();
    if (!status || !callId) return;
    const code = Number(status[1]);
    this.received.set(callId, [...(this.received.get(callId) ?? []), code]);
    const seen = this.answers.get(callId) ?? [];
    // Retransmissions (a final answer until the ACK arrives, a repeated 180) are not new answers.
    if (!seen.some((a) => a.code === code)) seen.push({ code, at: Date.now(), headers: text });
    this.answers.set(callId, seen);
    if (code >= 300) {
      const header = (name: string) => new RegExp(`^${name}:.*$`, 'im').exec(text)?.[0] ?? '';
      this.send([`ACK sip:${this.target.user}@127.0.0.1 SIP/2.0`, header('Via'), 'Max-Forwards: 70', header('To'), header('From'), header('Call-ID'), 'CSeq: 1 ACK', 'Content-Length: 0', '', '']);
    }
  }

  private send(lines: string[]): void {
    this.socket.send(lines.join('\r\n'), this.target.kamailioPort, '127.0.0.1');
  }
}
