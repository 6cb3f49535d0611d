// Entry of a region-search helper thread (see src/threads/region-helpers.ts). Worker threads do
// not inherit the TypeScript loader registered in-process, so register it before loading the engine.
import { register } from 'tsx/esm/api';

register();
const { solveRegionTask } = await import('../src/engines/network/region-task.ts');
export default solveRegionTask;
