import { spawnSync } from 'node:child_process';

/**
 * Runs a command inside a fresh network namespace where only loopback exists, so nothing the e2e
 * lab starts (Kamailio, rtpengine, Chromium, SIPp, Ringside) can send a packet off this machine.
 * Needs root (CI runs as root). Where that is not allowed, the e2e suite is skipped loudly rather
 * than run on the open network.
 */
const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('Usage: node scripts/run-in-netns.ts <command> [args…]');
  process.exit(2);
}

const probe = spawnSync('unshare', ['-n', 'true'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  const why = probe.error?.message ?? probe.stderr.trim();
  console.error('='.repeat(78));
  console.error('E2E TESTS SKIPPED: cannot create a private network namespace here');
  console.error(`(${why || 'unshare -n failed'}).`);
  console.error('They would otherwise send WebRTC and SIP traffic on the open network.');
  console.error('Run them as root (as CI does): sudo npm run test:e2e');
  console.error('='.repeat(78));
  process.exit(process.env.CI ? 1 : 0);
}

// After the command, anything it left running in the namespace (a daemon of a crashed test) is ended.
const script = `
ip link set lo up || exit 1
"$@"; status=$?
mine=$(readlink /proc/$$/ns/net)
for p in /proc/[0-9]*; do
  pid=\${p#/proc/}
  [ "$pid" = "$$" ] && continue
  [ "$(readlink "$p/ns/net" 2>/dev/null)" = "$mine" ] && kill -9 "$pid" 2>/dev/null
done
exit $status`;
const result = spawnSync('unshare', ['-n', 'bash', '-c', script, 'run-in-netns', ...command], {
  stdio: 'inherit',
  env: { ...process.env, RINGSIDE_IN_NETNS: '1' },
});
process.exit(result.status ?? 1);
