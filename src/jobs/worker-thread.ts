/**
 * Runs inside a worker thread: loads the task's module and calls its pure function, relaying
 * progress to the job runner through a message port.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { SolveControl } from '../engines/control.js';

export interface TaskMessage {
  module: string;
  exportName: string;
  payload: unknown;
  port: MessagePort;
}

export async function runTask({ module, exportName, payload, port }: TaskMessage): Promise<unknown> {
  const mod = (await import(module)) as Record<string, (payload: unknown, control: SolveControl) => unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`task module ${module} has no function ${exportName}`);
  let last = 0;
  try {
    return await fn(payload, {
      threads: (workerData as { threadsPerJob?: number } | null)?.threadsPerJob ?? 1,
      onProgress(fraction, message) {
        const now = Date.now();
        // Progress is shown to people; ten updates a second is plenty.
        if (now - last < 100 && fraction < 1) return;
        last = now;
        port.postMessage({ fraction, message });
      },
    });
  } finally {
    port.close();
  }
}
