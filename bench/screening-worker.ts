// Worker of the screening benchmark: builds the matcher of the list it is given and screens
// its share of the queries, then reports how many it screened and how many were flagged.
import { parentPort, workerData } from 'node:worker_threads';
import { readDataFile } from '../src/platform/index.js';
import { ListMatcher, parseUnList } from '../src/screening/index.js';

const { listPath, queries } = workerData as {
  listPath: string;
  queries: Array<{ names: string[]; birthDate?: string }>;
};
const parsed = parseUnList(readDataFile(listPath));
if (!parsed.ok) throw new Error(parsed.reason);
const matcher = new ListMatcher(parsed.list.designations);
parentPort!.postMessage({ ready: true });
parentPort!.once('message', () => {
  const start = performance.now();
  let flagged = 0;
  for (const q of queries) if (matcher.screen(q, { limit: 5 }).length > 0) flagged++;
  parentPort!.postMessage({ done: queries.length, flagged, ms: performance.now() - start });
});
