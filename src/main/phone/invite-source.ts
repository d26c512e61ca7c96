/** A host as a Via may name it: a name, an IPv4 address or an IPv6 reference. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]{1,253})$/;

/**
 * Where an INVITE came from, for the per-source rate limit: the bottom Via is the caller's own
 * (the PBX adds its Via above it), as the PBX saw it (`received`, `rport`) when it says so.
 * A request without a readable Via is one source, "unknown". Only host and digits come through,
 * so the result is safe to log and store.
 */
export function inviteSource(viaHeaders: readonly string[]): string {
  // One Via line may carry several Vias, comma-separated (no Via parameter holds a comma).
  const bottom = (viaHeaders.at(-1) ?? '').split(',').at(-1)?.trim() ?? '';
  const match = /^SIP\s*\/\s*2\.0\s*\/\s*[A-Za-z0-9.+-]+\s+(\[[^\]\s]*\]|[^\s;:]+)(?::(\d{1,5}))?\s*(;.*)?$/.exec(bottom);
  if (!match || !HOST.test(match[1] ?? '')) return 'unknown';
  const params = new Map(
    (match[3] ?? '')
      .split(';')
      .filter(Boolean)
      .map((param) => {
        const [name = '', value = ''] = param.split('=');
        return [name.trim().toLowerCase(), value.trim()] as const;
      }),
  );
  const received = params.get('received') ?? '';
  const host = (HOST.test(received) ? received : (match[1] ?? '')).toLowerCase();
  const rport = params.get('rport') ?? '';
  const port = /^\d{1,5}$/.test(rport) ? rport : (match[2] ?? '');
  return `${host}:${port}`;
}
