import { parentPort, workerData } from 'node:worker_threads';
import { connectDatabase } from '../db/open-database.ts';
import { pastDaysJobSchema, runPastDaysJob } from './past-days-job.ts';

/**
 * The statistics catch-up in a worker thread (decision 0017): a day's queries take 100–250 ms on a
 * database of millions of calls, and on the main thread each of them held back the calls. Its own
 * connection; one job, one reply, then the thread ends.
 */
if (!parentPort) throw new Error('past-days-worker runs as a worker thread');
const job = pastDaysJobSchema.parse(workerData);
const database = connectDatabase(job.file);
try {
  parentPort.postMessage(await runPastDaysJob(database.db, job));
} finally {
  await database.close();
}
