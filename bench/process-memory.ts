import { readdirSync, readFileSync } from 'node:fs';

/** The process `root` and every process descended from it, read from /proc. */
export function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(pid) || !tree.has(ppid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  return [...tree];
}

/**
 * Proportional set size of a process tree in MB: each shared page counted once across all
 * processes sharing it (smaps_rollup's Pss), so the tree's figures add up like the machine's RAM.
 */
export function pssMegabytes(pids: number[]): number {
  let kilobytes = 0;
  for (const pid of pids) {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kilobytes += Number(match?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return kilobytes / 1024;
}

/** The Chromium browser processes started by this process (Playwright's launches). */
export function chromiumChildren(): number[] {
  return processTree(process.pid).filter((pid) => {
    if (pid === process.pid) return false;
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium');
    } catch {
      return false;
    }
  });
}
