import type {
  ExplorerCell,
  ExplorerDenominator,
  ExplorerEmptyReason,
  ExplorerFigureSet,
  ExplorerResult,
  ExplorerTable,
} from '../contracts/explorer.contract';

/**
 * The explorer's wire format in one place: the server fills a series figure by figure, clients turn a result
 * back into one cell per figure. A figure's position is territory position × periods + period position.
 */

/** One figure as the server evaluated it. */
export type SeriesFigure = {
  value: number | null;
  partial: boolean;
  denominator?: ExplorerDenominator;
  emptyReason?: ExplorerEmptyReason;
};

export type FigureSetBuilder = {
  /** Sets the figure at a position (each position once, in any order). */
  set(position: number, figure: SeriesFigure): void;
  build(): ExplorerFigureSet;
};

const denominatorKey = (d: ExplorerDenominator) => `${d.method}|${d.isEstimate ? 1 : 0}|${d.flag ?? ''}`;

/** Collects the figures of one series: values by position, and the positions of partial, rated and empty ones. */
export function figureSetBuilder(size: number): FigureSetBuilder {
  const values = new Array<number | null>(size).fill(null);
  const partial: number[] = [];
  const denominators = new Map<string, { denominator: ExplorerDenominator; at: number[] }>();
  // Figures usually share a few denominator objects: looked up by identity first, by content once per object.
  const groupOf = new Map<ExplorerDenominator, { denominator: ExplorerDenominator; at: number[] }>();
  const empty = new Map<ExplorerEmptyReason, number[]>();
  return {
    set(position, figure) {
      values[position] = figure.value;
      if (figure.partial) partial.push(position);
      if (figure.value === null) {
        const reason = figure.emptyReason ?? 'no_value';
        const at = empty.get(reason);
        if (at) at.push(position);
        else empty.set(reason, [position]);
      } else if (figure.denominator) {
        let group = groupOf.get(figure.denominator);
        if (!group) {
          const key = denominatorKey(figure.denominator);
          group = denominators.get(key);
          if (!group) {
            group = { denominator: figure.denominator, at: [] };
            denominators.set(key, group);
          }
          groupOf.set(figure.denominator, group);
        }
        group.at.push(position);
      }
    },
    build() {
      const byPosition = (a: number, b: number) => a - b;
      return {
        values,
        partial: partial.sort(byPosition),
        denominators: [...denominators.values()].map((g) => ({ ...g, at: g.at.sort(byPosition) })),
        empty: [...empty].map(([reason, at]) => ({ reason, at: at.sort(byPosition) })),
      };
    },
  };
}

/** A figure set read back: per position its partial mark, denominator and empty reason. */
function readFigureSet(set: ExplorerFigureSet) {
  const partial = new Set(set.partial);
  const denominators = new Map<number, ExplorerDenominator>();
  for (const group of set.denominators) for (const at of group.at) denominators.set(at, group.denominator);
  const reasons = new Map<number, ExplorerEmptyReason>();
  for (const group of set.empty) for (const at of group.at) reasons.set(at, group.reason);
  return {
    value: (at: number) => set.values[at] ?? null,
    partial: (at: number) => partial.has(at),
    denominator: (at: number) => denominators.get(at),
    emptyReason: (at: number) => reasons.get(at) ?? 'no_value',
  };
}

/**
 * One cell per figure: by item (in the order asked), territory, period, then option (each option, then the
 * total). A cell carries the year-earlier figure when the query asked for it (otherwise null and not partial).
 */
export function explorerTable(result: ExplorerResult): ExplorerTable {
  const { series, ...rest } = result;
  const nP = result.periods.length;
  const cells: ExplorerCell[] = [];
  const byItem = new Map<string, typeof series>();
  for (const s of series) {
    const list = byItem.get(s.item);
    if (list) list.push(s);
    else byItem.set(s.item, [s]);
  }
  for (const [item, list] of byItem) {
    const read = list.map((s) => ({
      option: s.option,
      now: readFigureSet(s.figures),
      before: s.lastYear ? readFigureSet(s.lastYear) : null,
    }));
    result.territories.forEach((territory, t) => {
      result.periods.forEach((period, p) => {
        const at = t * nP + p;
        for (const { option, now, before } of read) {
          const value = now.value(at);
          const denominator = value === null ? undefined : now.denominator(at);
          const cell: ExplorerCell = {
            item,
            territoryId: territory.id,
            period,
            option,
            value,
            partial: now.partial(at),
            lastYearValue: before ? before.value(at) : null,
            lastYearPartial: before ? before.partial(at) : false,
          };
          if (denominator) cell.denominator = denominator;
          if (value === null) cell.emptyReason = now.emptyReason(at);
          if (before) {
            const lastYearValue = before.value(at);
            const lastYearDenominator = lastYearValue === null ? undefined : before.denominator(at);
            if (lastYearDenominator) cell.lastYearDenominator = lastYearDenominator;
            if (lastYearValue === null) cell.lastYearEmptyReason = before.emptyReason(at);
          }
          cells.push(cell);
        }
      });
    });
  }
  return { ...rest, cells };
}
