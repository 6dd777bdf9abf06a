import { describe, expect, it } from 'vitest';
import { lonePoints, splitNames, unitAxes } from './chart-series';

describe('explorer chart helpers', () => {
  it('finds the points a line cannot draw: a value between two gaps or at an edge beside a gap', () => {
    expect(lonePoints([1, null, 3, null, null, 6, 7, null, 9])).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(lonePoints([null, null])).toEqual([false, false]);
  });

  it('says the parts every series shares once, and keeps each series its own', () => {
    expect(
      splitNames([
        ['Drug crimes (cases)', 'Chuy', 'Male'],
        ['Drug crimes (cases)', 'Talas', 'Male'],
      ]),
    ).toEqual({ common: ['Drug crimes (cases)', 'Male'], own: [['Chuy'], ['Talas']] });
    expect(splitNames([['Drug crimes (cases)', 'Chuy']])).toEqual({
      common: [],
      own: [['Drug crimes (cases)', 'Chuy']],
    });
  });

  it('gives each of up to two units its own axis, and more units one shared axis', () => {
    expect(unitAxes(['cases', 'per_100k', 'cases'])).toEqual({
      axisOf: new Map([
        ['cases', 0],
        ['per_100k', 1],
      ]),
      names: ['cases', 'per_100k'],
    });
    expect(unitAxes(['cases', 'kg', 'ha']).names).toEqual(['cases, kg, ha']);
  });
});
