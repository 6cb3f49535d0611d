/** Job tasks of the network capability. */
import { registerTask } from '../../jobs/task-registry.js';
import { buildStudyPayload } from './study-payload.js';
import { shapeStudyResult } from './study-result.js';
import { NetworkStudyCreate } from './study-schema.js';
import type { StudyOutput, StudyPayload } from './study-types.js';
import { NETWORK_STUDY_KIND } from './studies.js';

export function registerNetworkTasks(): void {
  registerTask<unknown, StudyPayload, StudyOutput>({
    kind: NETWORK_STUDY_KIND,
    module: new URL('./solve-study.ts', import.meta.url).href,
    exportName: 'solveNetworkStudy',
    // The stored input was validated when the job was created; parsing again fills defaults for jobs made by other means.
    prepare: (services, merchantId, input) => buildStudyPayload(services, merchantId, NetworkStudyCreate.parse(input ?? {})),
    finish: async (_services, _merchantId, _input, output) => shapeStudyResult(output),
  });
}
