import { AppError } from '#server/lib/app-error';
import { defineCpuTask, serveCpuTasks } from '#server/lib/cpu-pool';

/**
 * CPU tasks for tests, served by a pool whose entry is this file. `spinUntilReleased` keeps its thread
 * busy (a loop that never yields) until the test releases it through shared memory; cell 0 says it
 * started, cell 1 releases it, cell 2 says it finished.
 */
export const spinUntilReleasedTask = defineCpuTask(
  'test.spin-until-released',
  (input: { control: SharedArrayBuffer }): { spins: number } => {
    const control = new Int32Array(input.control);
    Atomics.store(control, 0, 1);
    const deadline = Date.now() + 60_000;
    let spins = 0;
    while (Atomics.load(control, 1) === 0) {
      spins++;
      if (spins % 1_000_000 === 0 && Date.now() > deadline) throw new Error('never released');
    }
    Atomics.store(control, 2, 1);
    return { spins };
  },
);

/** Fails the way a parser refusing a file does. */
export const refuseTask = defineCpuTask('test.refuse', (input: { row: number }): never => {
  throw new AppError('IMPORT_INVALID', 'refused', {
    problems: [{ row: input.row, column: 'a', message: 'bad' }],
  });
});

/** Fails the way a bug does. */
export const crashTask = defineCpuTask('test.crash', (): never => {
  throw new TypeError('a bug in a task');
});

export const cpuTaskHandler = serveCpuTasks([spinUntilReleasedTask, refuseTask, crashTask]);
