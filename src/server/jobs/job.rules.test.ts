import { describe, expect, it } from 'vitest';
import { outcomeOfFailure, retryDelayMs } from './job.rules';

describe('retryDelayMs', () => {
  it('doubles from 5 seconds', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(a))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
  });

  it('is capped at 10 minutes', () => {
    expect(retryDelayMs(8)).toBe(600_000);
    expect(retryDelayMs(50)).toBe(600_000);
  });

  it('treats attempt 0 or less as the first', () => {
    expect(retryDelayMs(0)).toBe(5_000);
    expect(retryDelayMs(-3)).toBe(5_000);
  });

  it('takes its own base and cap', () => {
    expect(retryDelayMs(3, 100, 250)).toBe(250);
    expect(retryDelayMs(2, 100, 1000)).toBe(200);
  });
});

describe('outcomeOfFailure', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('requeues with backoff while attempts remain', () => {
    expect(outcomeOfFailure({ attempt: 1, maxAttempts: 3, isPermanent: false, now })).toEqual({
      status: 'queued',
      runAt: new Date('2026-03-01T12:00:05Z'),
    });
    expect(outcomeOfFailure({ attempt: 2, maxAttempts: 3, isPermanent: false, now })).toEqual({
      status: 'queued',
      runAt: new Date('2026-03-01T12:00:10Z'),
    });
  });

  it('is dead when the last attempt fails', () => {
    expect(outcomeOfFailure({ attempt: 3, maxAttempts: 3, isPermanent: false, now })).toEqual({
      status: 'dead',
    });
    expect(outcomeOfFailure({ attempt: 1, maxAttempts: 1, isPermanent: false, now })).toEqual({
      status: 'dead',
    });
  });

  it('fails at once, without retrying, when the failure is permanent', () => {
    expect(outcomeOfFailure({ attempt: 1, maxAttempts: 5, isPermanent: true, now })).toEqual({
      status: 'failed',
    });
  });
});
