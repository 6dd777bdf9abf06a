import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { checkFormula } from '../api/catalogue.api';
import { isCatalogueCode } from '../form-rules';
import { catalogueKeys } from './useCatalogue';

/** How long typing must pause before the formula is sent for checking. */
const checkDelayMs = 400;

/**
 * Checks a formula on the server as it is typed (debounced): syntax, unknown codes and, for an indicator, the
 * circle it would close. `isStale` is true while the shown result belongs to an older text.
 */
export function useFormulaCheck(formula: string, indicatorCode: string | null) {
  const [debounced] = useDebouncedValue(formula.trim(), checkDelayMs);
  // The code of a new indicator is typed too; waiting for it as well avoids a request per keystroke.
  const [debouncedCode] = useDebouncedValue(indicatorCode, checkDelayMs);
  const code = debouncedCode && isCatalogueCode(debouncedCode) ? debouncedCode : null;
  const query = useQuery({
    queryKey: catalogueKeys.formulaCheck(debounced, code),
    queryFn: () => checkFormula({ formula: debounced, ...(code ? { indicatorCode: code } : {}) }),
    enabled: debounced !== '',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return { ...query, isStale: debounced !== formula.trim() || query.isPlaceholderData };
}
