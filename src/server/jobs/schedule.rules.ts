import { Cron } from 'croner';

/** Pure rules of recurring schedules: validating their timing and finding the next run. */

/** Cron schedules without a timezone of their own run on Kyrgyz time, as the people who set them read it. */
export const defaultScheduleTimezone = 'Asia/Bishkek';

/** When a schedule runs: a five-field cron expression in a timezone, or a fixed interval. */
export type ScheduleTiming =
  | { cron: string; intervalSeconds: null; timezone: string }
  | { cron: null; intervalSeconds: number; timezone: string };

export type TimingProblem = { field: 'cron' | 'intervalSeconds' | 'timezone'; reason: string };

/** Every problem of a timing; empty when it is valid. */
export function checkTiming(timing: ScheduleTiming): TimingProblem[] {
  const problems: TimingProblem[] = [];
  if (!isTimezone(timing.timezone)) problems.push({ field: 'timezone', reason: 'unknown timezone' });
  if (timing.cron !== null) {
    try {
      const cron = cronOf(timing.cron, isTimezone(timing.timezone) ? timing.timezone : 'UTC');
      if (!cron.nextRun(new Date(0))) problems.push({ field: 'cron', reason: 'the expression never runs' });
    } catch (error) {
      problems.push({
        field: 'cron',
        reason: `not a five-field cron expression (minute hour day month weekday): ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  } else if (!Number.isSafeInteger(timing.intervalSeconds) || timing.intervalSeconds < 1) {
    problems.push({ field: 'intervalSeconds', reason: 'a whole number of seconds, at least 1' });
  }
  return problems;
}

/**
 * The first run strictly after `now`. Runs missed while nothing ran are skipped, not replayed: a daily
 * schedule after three days of downtime runs once, then at its next time. An interval schedule keeps its
 * rhythm from `anchor` (its previous planned run), so it does not drift by the scheduler's polling delay.
 */
export function nextRunAfter(timing: ScheduleTiming, now: Date, anchor: Date | null = null): Date {
  if (timing.cron !== null) {
    const next = cronOf(timing.cron, timing.timezone).nextRun(now);
    // A valid five-field expression always has a next run; a date like 31 February has none.
    if (!next) throw new Error(`The cron expression "${timing.cron}" never runs again`);
    return next;
  }
  const step = timing.intervalSeconds * 1000;
  if (!anchor || anchor.getTime() > now.getTime()) return new Date(now.getTime() + step);
  const periods = Math.floor((now.getTime() - anchor.getTime()) / step) + 1;
  return new Date(anchor.getTime() + periods * step);
}

function cronOf(expression: string, timezone: string): Cron {
  return new Cron(expression, { timezone, mode: '5-part', paused: true });
}

function isTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
