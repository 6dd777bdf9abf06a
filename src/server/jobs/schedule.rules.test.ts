import { describe, expect, it } from 'vitest';
import { checkTiming, nextRunAfter, type ScheduleTiming } from './schedule.rules';

const cron = (expression: string, timezone = 'Asia/Bishkek'): ScheduleTiming => ({
  cron: expression,
  intervalSeconds: null,
  timezone,
});
const every = (seconds: number): ScheduleTiming => ({
  cron: null,
  intervalSeconds: seconds,
  timezone: 'UTC',
});
const at = (iso: string) => new Date(iso);

describe('nextRunAfter', () => {
  it('reads a cron expression in its timezone (Bishkek is UTC+6)', () => {
    expect(nextRunAfter(cron('0 6 * * *'), at('2026-03-01T12:00:00Z'))).toEqual(at('2026-03-02T00:00:00Z'));
    expect(nextRunAfter(cron('0 6 * * *', 'UTC'), at('2026-03-01T12:00:00Z'))).toEqual(
      at('2026-03-02T06:00:00Z'),
    );
  });

  it('is strictly after now, even when now is exactly a run time', () => {
    expect(nextRunAfter(cron('*/15 * * * *'), at('2026-03-01T12:15:00Z'))).toEqual(
      at('2026-03-01T12:30:00Z'),
    );
  });

  it('skips runs missed during downtime instead of replaying them', () => {
    // Hourly, last planned for 08:00, the server came back at 11:20: the next run is 12:00, once.
    expect(nextRunAfter(cron('0 * * * *'), at('2026-03-01T11:20:00Z'))).toEqual(at('2026-03-01T12:00:00Z'));
    expect(nextRunAfter(every(3600), at('2026-03-01T11:20:00Z'), at('2026-03-01T08:00:00Z'))).toEqual(
      at('2026-03-01T12:00:00Z'),
    );
  });

  it('keeps an interval in rhythm with its previous planned run, whatever the polling delay', () => {
    expect(nextRunAfter(every(600), at('2026-03-01T12:00:04Z'), at('2026-03-01T12:00:00Z'))).toEqual(
      at('2026-03-01T12:10:00Z'),
    );
  });

  it('starts an interval from now when it has no earlier run', () => {
    expect(nextRunAfter(every(60), at('2026-03-01T12:00:04Z'))).toEqual(at('2026-03-01T12:01:04Z'));
  });
});

describe('checkTiming', () => {
  it('accepts five-field cron expressions and nicknames in a known timezone', () => {
    expect(checkTiming(cron('*/15 6-18 * * 1-5'))).toEqual([]);
    expect(checkTiming(cron('@daily'))).toEqual([]);
    expect(checkTiming(every(1))).toEqual([]);
  });

  it('names the field of every problem', () => {
    expect(checkTiming(cron('0 0 * * * *')).map((p) => p.field)).toEqual(['cron']);
    expect(checkTiming(cron('61 * * * *')).map((p) => p.field)).toEqual(['cron']);
    expect(checkTiming(cron('0 0 31 2 *'))).toEqual([{ field: 'cron', reason: 'the expression never runs' }]);
    expect(checkTiming(cron('0 6 * * *', 'Mars/Olympus'))).toEqual([
      { field: 'timezone', reason: 'unknown timezone' },
    ]);
    expect(checkTiming(every(0)).map((p) => p.field)).toEqual(['intervalSeconds']);
    expect(checkTiming(every(1.5)).map((p) => p.field)).toEqual(['intervalSeconds']);
  });
});
