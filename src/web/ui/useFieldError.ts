import { useCallback, useMemo } from 'react';
import { useRenderMessage } from '#web/lib/messages';
import { fieldErrorsOf } from './field-errors';

/**
 * Says which form field a server error is about: returns a function giving the sentence to show under a
 * field, in the interface language, when the error names it (undefined otherwise), so the user sees which
 * input to fix while the alert above the form says what went wrong. A schema refusal names every bad field,
 * a service refusal one (`details.field`). `fields` maps the server's field paths to the form's names where
 * they differ (`{ 'name.ky': 'nameKy' }`); a field also answers for its parts (`name` for `name.en`).
 */
export function useFieldError(
  error: unknown,
  fields: Readonly<Record<string, string>> = {},
): (field: string) => string | undefined {
  const render = useRenderMessage();
  const fieldNames = JSON.stringify(fields);
  const byField = useMemo(() => {
    const names = JSON.parse(fieldNames) as Record<string, string>;
    const mapped = new Map<string, string>();
    for (const [serverField, problem] of fieldErrorsOf(error)) {
      const text = problem.localised ? render(problem.localised, problem.message) : problem.message;
      mapped.set(names[serverField] ?? serverField, text);
    }
    return mapped;
  }, [error, render, fieldNames]);
  return useCallback(
    (field: string) => {
      const exact = byField.get(field);
      if (exact !== undefined) return exact;
      for (const [name, text] of byField) if (name.startsWith(`${field}.`)) return text;
      return undefined;
    },
    [byField],
  );
}
