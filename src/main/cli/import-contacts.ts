import { runImportContactsCli } from './import-contacts-cli.ts';

process.exitCode = await runImportContactsCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
