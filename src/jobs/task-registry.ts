/**
 * The kinds of job Portolan runs. A task is split in three so that only pure computation runs in
 * the worker thread: `prepare` reads what it needs from the store (main thread), the worker runs
 * `module#exportName` on plain data, and `finish` may store or shape the result (main thread).
 */
import type { Services } from '../services/index.js';

export interface TaskDefinition<Input = unknown, Payload = unknown, Output = unknown> {
  kind: string;
  /** Module URL of the pure function run in a worker thread. */
  module: string;
  exportName: string;
  prepare(services: Services, merchantId: string, input: Input): Promise<Payload>;
  finish?(services: Services, merchantId: string, input: Input, output: Output): Promise<unknown>;
}

const tasks = new Map<string, TaskDefinition>();

export function registerTask<I, P, O>(task: TaskDefinition<I, P, O>): void {
  tasks.set(task.kind, task as unknown as TaskDefinition);
}

export function getTask(kind: string): TaskDefinition | undefined {
  return tasks.get(kind);
}

export function taskKinds(): string[] {
  return [...tasks.keys()];
}
