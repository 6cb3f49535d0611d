// Entry of a site-knapsack helper thread (see src/threads/site-knapsack-helpers.ts). Worker
// threads do not inherit the TypeScript loader registered in-process, so register it first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveRounds } = await import('../src/threads/site-knapsack-helpers.ts');
serveRounds(workerData);
