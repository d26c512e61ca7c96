import { secretReader } from './read-secret.ts';
import { runSetAdminPinCli } from './set-admin-pin-cli.ts';

process.exitCode = await runSetAdminPinCli(
  process.argv.slice(2),
  {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
  secretReader(process.stdin, process.stderr),
);
