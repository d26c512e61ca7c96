import { systemClock } from '../../shared/clock.ts';
import { runExportRecordingsCli } from './export-recordings-cli.ts';

process.exitCode = await runExportRecordingsCli(
  process.argv.slice(2),
  { out: (line) => console.log(line), err: (line) => console.error(line) },
  systemClock,
);
