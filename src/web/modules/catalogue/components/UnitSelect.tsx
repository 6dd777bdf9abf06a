import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUnitCode, unitCodes } from '#shared/domain/unit';
import { unitName } from '#shared/messages/catalogue';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';

type UnitSelectProps = {
  value: string;
  onChange: (unit: string) => void;
  error?: string;
};

/**
 * The unit of a data element or indicator, picked from the catalogue of units and named in the interface
 * language. A unit typed by hand in an older version (not a code) stays visible until a unit is picked.
 */
export function UnitSelect({ value, onChange, error }: UnitSelectProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isLegacy = value !== '' && !isUnitCode(value);
  const data = [
    ...unitCodes.map((code) => ({ value: code, label: `${unitName(code, locale)} (${code})` })),
    ...(isLegacy ? [{ value, label: value }] : []),
  ];
  return (
    <Select
      label={t('catalogue.fields.unit')}
      placeholder={t('catalogue.unitHint')}
      data={data}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next ?? '')}
      searchable
      required
      allowDeselect={false}
      nothingFoundMessage={t('common.noResults')}
      error={error ?? (isLegacy ? t('catalogue.unitNotInCatalogue') : undefined)}
      data-testid="unit-select"
    />
  );
}
