/** Job tasks of the packing capability. */
import { registerTask } from '../../jobs/task-registry.js';
import type { BatchResult } from './contract.js';
import type { PackingJobPayload } from './pack-order.js';
import { PACKING_BATCH, PackingService, type BatchInput } from './packing-service.js';

export function registerPackingTasks(): void {
  registerTask<BatchInput, PackingJobPayload, BatchResult>({
    kind: PACKING_BATCH,
    module: new URL('./batch-worker.ts', import.meta.url).href,
    exportName: 'packBatch',
    prepare: (services, merchantId, input) => new PackingService(services).preparePayload(merchantId, input),
  });
}
