import { serveCpuTasks } from './lib/cpu-pool';
import { readTabularFileTask } from './lib/documents/tabular-file.task';
import { readUploadTask } from './modules/imports/upload.task';

/**
 * The worker-thread entry of the CPU pool (`lib/cpu-pool.ts`): every CPU task a thread can run, by name.
 * A composition point like container.ts: a module's pure CPU-bound function is listed here, and the build
 * (scripts/build-server.mjs) bundles this file as dist/server/cpu-tasks.js.
 */
export const cpuTaskHandler = serveCpuTasks([readTabularFileTask, readUploadTask]);
