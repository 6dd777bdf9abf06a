import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Executor } from '#server/db/transaction';
import type { JobScheduleRow } from '#server/db/schema';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import type { JobSpec } from './job-definition';
import { insertJobOnce } from './queue';
import { createScheduleRepository, type ScheduleWrite } from './schedule.repository';
import { checkTiming, defaultScheduleTimezone, nextRunAfter, type ScheduleTiming } from './schedule.rules';

/**
 * The schedule API other modules use: register, change and remove recurring runs of their jobs. Every
 * function takes the caller's executor, so a module can register a schedule in the same transaction as
 * the data it belongs to (a media source and its fetch schedule commit together).
 */

export type ScheduleInput<S extends TSchema> = {
  /** Unique and stable: `<module>.<what>`, with the id of what it is about (`media.fetch-source:<id>`). */
  name: string;
  payload: Static<S>;
  /** IANA timezone of a cron expression (default Asia/Bishkek). */
  timezone?: string;
  /** On a new schedule default true; on an existing one left as it is unless given (an administrator may have switched it off). */
  enabled?: boolean;
} & ({ cron: string; intervalSeconds?: undefined } | { intervalSeconds: number; cron?: undefined });

/** The de-duplication key of a schedule's runs: a run still queued or running is not queued twice. */
export function scheduleDedupeKey(name: string): string {
  return `schedule:${name}`;
}

function timingOf(row: Pick<JobScheduleRow, 'cron' | 'intervalSeconds' | 'timezone'>): ScheduleTiming {
  return row.cron !== null
    ? { cron: row.cron, intervalSeconds: null, timezone: row.timezone }
    : { cron: null, intervalSeconds: row.intervalSeconds ?? 0, timezone: row.timezone };
}

/**
 * Creates or updates the schedule called `input.name` for the job `spec`. The next run is computed anew
 * when the schedule is new, its timing changed or it was switched on; otherwise it is kept. Refuses an
 * invalid cron expression, interval or timezone (SCHEDULE_INVALID naming the field) and a payload the
 * job's schema rejects.
 */
export async function upsertSchedule<S extends TSchema>(
  executor: Executor,
  spec: JobSpec<S>,
  input: ScheduleInput<S>,
): Promise<JobScheduleRow> {
  if (!Value.Check(spec.payloadSchema, input.payload)) {
    throw new Error(`Invalid payload for the schedule ${input.name} of job ${spec.name}`);
  }
  const timing: ScheduleTiming =
    input.cron !== undefined
      ? {
          cron: input.cron.trim(),
          intervalSeconds: null,
          timezone: input.timezone ?? defaultScheduleTimezone,
        }
      : {
          cron: null,
          intervalSeconds: input.intervalSeconds,
          timezone: input.timezone ?? defaultScheduleTimezone,
        };
  const problems = checkTiming(timing);
  if (problems.length > 0) throw new AppError('SCHEDULE_INVALID', undefined, { problems });

  const schedules = createScheduleRepository(executor);
  const now = await schedules.now();
  const write = (enabled: boolean, nextRunAt: Date | null): ScheduleWrite => ({
    name: input.name,
    jobName: spec.name,
    jobVersion: spec.version,
    maxAttempts: spec.maxAttempts,
    payload: input.payload,
    cron: timing.cron,
    intervalSeconds: timing.intervalSeconds,
    timezone: timing.timezone,
    enabled,
    nextRunAt,
  });
  const enabled = input.enabled ?? true;
  const existing = await schedules.findByNameForUpdate(input.name);
  if (!existing) {
    const inserted = await schedules.insertIfAbsent(write(enabled, nextRunAfter(timing, now)));
    if (inserted) return inserted;
  }
  const current = existing ?? (await schedules.findByNameForUpdate(input.name));
  if (!current) throw new Error(`The schedule ${input.name} vanished while it was registered`);
  const isEnabled = input.enabled ?? current.enabled;
  const before = timingOf(current);
  const isSameTiming =
    before.cron === timing.cron &&
    before.intervalSeconds === timing.intervalSeconds &&
    before.timezone === timing.timezone;
  const keepsNextRun = isSameTiming && current.enabled && current.nextRunAt !== null;
  const next = write(isEnabled, keepsNextRun ? current.nextRunAt : nextRunAfter(timing, now));
  // Registering an unchanged schedule (every process start does) writes nothing.
  if (keepsNextRun && isUnchanged(current, next)) return current;
  return schedules.update(current.id, next, now);
}

function isUnchanged(current: JobScheduleRow, next: ScheduleWrite): boolean {
  return (
    current.jobName === next.jobName &&
    current.jobVersion === next.jobVersion &&
    current.maxAttempts === next.maxAttempts &&
    current.enabled === next.enabled &&
    JSON.stringify(current.payload ?? {}) === JSON.stringify(next.payload ?? {})
  );
}

/** Removes a schedule; queued runs stay queued. Returns whether it existed. */
export function removeSchedule(executor: Executor, name: string): Promise<boolean> {
  return createScheduleRepository(executor).deleteByName(name);
}

/**
 * Switches a schedule on or off. Switched on, its next run is the first one after now: runs missed while
 * it was off are not made up for.
 */
export async function setScheduleEnabled(executor: Executor, id: string, enabled: boolean): Promise<void> {
  const schedules = createScheduleRepository(executor);
  const schedule = await schedules.findById(id);
  if (!schedule) throw new AppError('NOT_FOUND', msg('not_found', { entity: 'schedule' }));
  const now = await schedules.now();
  const nextRunAt = enabled && !schedule.enabled ? nextRunAfter(timingOf(schedule), now) : schedule.nextRunAt;
  await schedules.setEnabled(id, enabled, nextRunAt, now);
}

function runInsert(schedule: JobScheduleRow, createdBy: string | null) {
  return {
    name: schedule.jobName,
    version: schedule.jobVersion,
    payload: schedule.payload,
    maxAttempts: schedule.maxAttempts,
    createdBy,
    dedupeKey: scheduleDedupeKey(schedule.name),
  };
}

/**
 * Queues a schedule's job now, outside its rhythm; a run still queued or running is returned instead of a
 * second one. The next planned run stays as it was.
 */
export async function runScheduleNow(
  executor: Executor,
  id: string,
  createdBy: string | null,
): Promise<{ jobId: string; isNew: boolean }> {
  const schedules = createScheduleRepository(executor);
  const schedule = await schedules.findById(id);
  if (!schedule) throw new AppError('NOT_FOUND', msg('not_found', { entity: 'schedule' }));
  const job = await insertJobOnce(executor, runInsert(schedule, createdBy));
  if (job.isNew) await schedules.recordRun(id, { jobId: job.id, at: await schedules.now() });
  return { jobId: job.id, isNew: job.isNew };
}

/**
 * The scheduler's step: queues one run of every due schedule and moves each to its next run after now.
 * Run it inside a transaction: the due rows stay locked (FOR UPDATE SKIP LOCKED) until it commits, so
 * several scheduler processes on one server queue each run exactly once. A schedule due several times
 * over (after downtime) gets one run, not one per missed time. Returns how many jobs it queued.
 */
export async function enqueueDueSchedules(executor: Executor, limit = 100): Promise<number> {
  const schedules = createScheduleRepository(executor);
  const now = await schedules.now();
  let queued = 0;
  for (const schedule of await schedules.lockDue(now, limit)) {
    const job = await insertJobOnce(executor, runInsert(schedule, null));
    if (job.isNew) queued++;
    await schedules.recordRun(schedule.id, {
      jobId: job.id,
      at: now,
      nextRunAt: nextRunAfter(timingOf(schedule), now, schedule.nextRunAt),
    });
  }
  return queued;
}

/**
 * A schedule a module ships with (housekeeping such as purging expired sessions), registered at every start:
 * its timing and payload follow the code, while an administrator's on/off switch is kept.
 */
export type SystemSchedule = { readonly name: string; register(executor: Executor): Promise<unknown> };

/** Declares a shipped schedule of a module's job; list it in the module's `*.jobs.ts`. */
export function defineSystemSchedule<S extends TSchema>(
  spec: JobSpec<S>,
  input: Omit<ScheduleInput<S>, 'enabled'>,
): SystemSchedule {
  return {
    name: input.name,
    register: (executor) => upsertSchedule(executor, spec, input as ScheduleInput<S>),
  };
}
