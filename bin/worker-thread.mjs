// Entry of a job worker thread. Worker threads do not inherit the TypeScript loader of the main
// thread when it was registered in-process, so register it here before loading the task runner.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('../src/jobs/worker-thread.ts');
export default runTask;
