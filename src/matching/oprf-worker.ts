// Worker thread of the OPRF pool: runs the jobs the pool sends, one at a time.
import { parentPort } from 'node:worker_threads';
import { type OprfJob, runOprfJob, transferList } from './oprf-batch.js';

parentPort?.on('message', (msg: { id: number; job: OprfJob }) => {
  try {
    const result = runOprfJob(msg.job);
    parentPort!.postMessage({ id: msg.id, result }, transferList(result));
  } catch (err) {
    parentPort!.postMessage({
      id: msg.id,
      error: { name: (err as Error).name, message: (err as Error).message },
    });
  }
});
