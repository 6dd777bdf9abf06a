import { describe, expect, it } from 'vitest';
import { combineDenominators } from './explorer-denominators.rules';

const official = { method: 'official' as const, isEstimate: false, flag: null };
const carried = { method: 'carried_forward' as const, isEstimate: true, flag: null };
const doubtful = { method: 'official' as const, isEstimate: false, flag: 'doubtful' as const };

describe('combineDenominators', () => {
  it('keeps the one population figure of a rate as its denominator', () => {
    const result = combineDenominators(12.5, [{ value: 40 }, { value: 320_000, denominator: carried }]);
    expect(result).toEqual({ value: 12.5, denominator: carried });
    expect(result.denominator).toBe(carried);
  });

  it('marks a result on several figures with the first estimate and any flag', () => {
    expect(
      combineDenominators(1, [
        { value: 1, denominator: doubtful },
        { value: 2, denominator: carried },
      ]),
    ).toEqual({
      value: 1,
      denominator: { method: 'carried_forward', isEstimate: true, flag: 'doubtful' },
    });
    expect(
      combineDenominators(1, [
        { value: 1, denominator: official },
        { value: 2, denominator: official },
      ]),
    ).toEqual({
      value: 1,
      denominator: official,
    });
    expect(combineDenominators(3, [{ value: 3 }])).toEqual({ value: 3 });
  });

  it('says why an empty result is empty: a missing value before a missing population, else a zero denominator', () => {
    expect(
      combineDenominators(null, [
        { value: null, emptyReason: 'no_population' },
        { value: null, emptyReason: 'no_value' },
      ]),
    ).toEqual({ value: null, emptyReason: 'no_value' });
    expect(combineDenominators(null, [{ value: 5 }, { value: 0, denominator: official }])).toEqual({
      value: null,
      emptyReason: 'zero_denominator',
    });
  });
});
