import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { ErrorCode } from '#shared/errors';
import type { Message } from '#shared/messages/message';
import { AppError } from './app-error';

/**
 * A pure, CPU-bound function that may run on a worker thread. Its input and output cross threads by
 * structured clone (plain data, typed arrays, Buffers arrive as Uint8Array), and it must not touch the
 * database or any state of the main thread. An AppError it throws arrives as the same AppError.
 */
export type CpuTask<I, O> = { readonly name: string; run(input: I): O | Promise<O> };

/** Declares a CPU task; list it in src/server/cpu-tasks.ts so the worker threads know it by name. */
export function defineCpuTask<I, O>(name: string, run: (input: I) => O | Promise<O>): CpuTask<I, O> {
  return { name, run };
}

type CpuRequest = { task: string; input: unknown };
type CpuReply =
  | { ok: true; output: unknown }
  | { ok: false; error: { code: ErrorCode; message: string; localised: Message; details: unknown } };

/** The name under which a worker-thread entry exports the function `serveCpuTasks` returns. */
export const cpuTaskHandlerName = 'cpuTaskHandler';

/**
 * The worker-thread side: a function that runs the named task of the list. A thread entry exports it as
 * `cpuTaskHandler` (src/server/cpu-tasks.ts). Expected failures (AppError) travel back as data so the main
 * thread can throw the same code; anything else is thrown and reaches the caller as a plain Error.
 */
export function serveCpuTasks(
  tasks: readonly CpuTask<never, unknown>[],
): (request: CpuRequest) => Promise<CpuReply> {
  const byName = new Map(tasks.map((task) => [task.name, task]));
  return async (request) => {
    const task = byName.get(request.task);
    if (!task) throw new Error(`Unknown CPU task "${request.task}": list it in src/server/cpu-tasks.ts`);
    try {
      return { ok: true, output: await task.run(request.input as never) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          localised: error.localised,
          details: error.details,
        },
      };
    }
  };
}

/**
 * The production thread entry, src/server/cpu-tasks.ts: beside this file's folder in the sources (tsx,
 * vitest), and dist/server/cpu-tasks.js in the bundle, where this code sits in dist/server/main.js or
 * dist/cli/main.js.
 */
export const cpuTasksEntry: URL = import.meta.url.endsWith('.ts')
  ? new URL('../cpu-tasks.ts', import.meta.url)
  : new URL('../server/cpu-tasks.js', import.meta.url);

export type CpuPool = {
  /** Runs the task on a worker thread; waits in a queue while every thread is busy. */
  run<I, O>(task: CpuTask<I, O>, input: I, options?: { signal?: AbortSignal }): Promise<O>;
  /** Ends the threads once their tasks are done. */
  close(): Promise<void>;
};

export type CpuPoolOptions = {
  /** The worker-thread entry: src/server/cpu-tasks.ts under tsx or vitest, dist/server/cpu-tasks.js when built. */
  entry: URL;
  /** Threads at most; they start on first use and end after a minute idle. */
  threads: number;
  idleTimeoutMs?: number;
};

/**
 * A pool of worker threads for CPU-bound work (parsing spreadsheets, forecasts, text analysis) so the event
 * loop keeps answering requests. Threads start lazily, so a process that never offloads anything starts none.
 * A TypeScript entry (development and tests) is loaded through tsx's loader, a built one as it is.
 */
export function createCpuPool(options: CpuPoolOptions): CpuPool {
  let piscina: Piscina<CpuRequest, CpuReply> | null = null;
  const pending = new Set<(error: Error) => void>();
  const open = (): Piscina<CpuRequest, CpuReply> => {
    if (piscina) return piscina;
    // A missing entry (a build without it) would leave tasks waiting for a thread that never starts.
    if (!fs.existsSync(options.entry))
      throw new Error(`The CPU task entry ${options.entry.href} does not exist`);
    const created = new Piscina<CpuRequest, CpuReply>({
      filename: options.entry.href,
      name: cpuTaskHandlerName,
      minThreads: 0,
      maxThreads: Math.max(1, options.threads),
      idleTimeout: options.idleTimeoutMs ?? 60_000,
      execArgv: options.entry.pathname.endsWith('.ts') ? typeScriptLoaderArgs() : [],
    });
    // A thread that fails to start (its entry throws while loading) leaves queued tasks waiting for ever
    // and piscina starts no other: fail what waits, and start afresh on the next task.
    created.on('error', (error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const reject of [...pending]) reject(failure);
      if (piscina === created) piscina = null;
      void created.destroy();
    });
    piscina = created;
    return created;
  };
  return {
    async run<I, O>(task: CpuTask<I, O>, input: I, runOptions: { signal?: AbortSignal } = {}): Promise<O> {
      const pool = open();
      let reject: (error: Error) => void = () => undefined;
      const failed = new Promise<never>((_, rejectRun) => (reject = rejectRun));
      pending.add(reject);
      try {
        const reply = await Promise.race([
          pool.run({ task: task.name, input }, runOptions.signal ? { signal: runOptions.signal } : {}),
          failed,
        ]);
        if (reply.ok) return reply.output as O;
        // A catalogued sentence travels as itself (the reader's language is chosen later), else the text.
        const { code, message, localised, details } = reply.error;
        throw new AppError(code, localised.key === `error.${code}` ? message : localised, details);
      } finally {
        pending.delete(reject);
      }
    },
    async close() {
      const current = piscina;
      piscina = null;
      await current?.close();
    },
  };
}

/** Loads tsx in the threads: only a development checkout runs TypeScript entries, and tsx is there. */
function typeScriptLoaderArgs(): string[] {
  const tsx = createRequire(fileURLToPath(import.meta.url)).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href];
}
