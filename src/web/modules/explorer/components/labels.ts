import { useCallback } from 'react';
import { formatPeriodLabel } from '#shared/format/locale-format';
import { useRenderMessage } from '#web/lib/messages';
import { useTranslation } from 'react-i18next';
import type { ExplorerTable } from '#shared/contracts/explorer.contract';
import { measureKeys, totalOptionKey, type PivotKey } from '#shared/domain/explorer-pivot';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';

/** Names a pivot key in the interface language: item and territory names, option names, "Total". */
export function useKeyLabel(result: ExplorerTable): (key: PivotKey) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const render = useRenderMessage();
  return useCallback(
    (key: PivotKey) => {
      switch (key.dimension) {
        case 'item': {
          const item = result.items.find((i) => i.code === key.key);
          return item ? `${item.name[locale]} (${render({ key: `unit.${item.unit}` }, item.unit)})` : key.key;
        }
        case 'territory':
          return result.territories.find((x) => x.id === key.key)?.name[locale] ?? key.key;
        case 'period':
          return formatPeriodLabel(key.key, locale);
        case 'option':
          return key.key === totalOptionKey
            ? t('explorer.total')
            : (result.options.find((o) => o.code === key.key)?.name[locale] ?? key.key);
        case 'measure':
          return key.key === measureKeys.lastYear ? t('explorer.lastYear') : t('explorer.value');
      }
    },
    [result, locale, t, render],
  );
}
