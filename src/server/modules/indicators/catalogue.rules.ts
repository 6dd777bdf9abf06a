import type { FormulaCycle } from '#shared/domain/formula.types';
import { findCycles, parseFormula, referencesOf } from '#shared/domain/formula';

/** The day before a calendar date `YYYY-MM-DD`, in the same form. */
export function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const previous = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) - 1));
  return previous.toISOString().slice(0, 10);
}

/**
 * Circular references among indicators, where an indicator depends on every code that any of its versions
 * refers to: a catalogue without cycles here has none on any date, whichever versions apply then.
 * `formulas` maps an indicator code to the formula texts of all its versions.
 */
export function findVersionCycles(formulas: ReadonlyMap<string, readonly string[]>): FormulaCycle[] {
  const union = new Map<string, string>();
  for (const [code, texts] of formulas) {
    const references = new Set<string>();
    for (const text of texts) {
      const parsed = parseFormula(text);
      if (parsed.ok) for (const reference of referencesOf(parsed.value)) references.add(reference);
    }
    // A formula that refers to exactly those codes; findCycles only looks at references.
    union.set(code, references.size ? [...references].map((r) => `#{${r}}`).join(' + ') : '0');
  }
  return findCycles(union);
}
