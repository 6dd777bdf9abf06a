import { SimpleGrid, TextInput } from '@mantine/core';
import type { LocalisedName } from '#shared/contracts/common.contract';
import { locales } from '#shared/domain/locale';
import { localeNames } from '#web/lib/i18n';

type LocalisedNameFieldsProps = {
  label: string;
  value: LocalisedName;
  onChange: (value: LocalisedName) => void;
  error?: string;
};

/** The name of a catalogue item in Kyrgyz, Russian and English, side by side. */
export function LocalisedNameFields({ label, value, onChange, error }: LocalisedNameFieldsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {locales.map((locale) => (
        <TextInput
          key={locale}
          lang={locale}
          label={`${label} — ${localeNames[locale]}`}
          value={value[locale]}
          onChange={(event) => onChange({ ...value, [locale]: event.currentTarget.value })}
          error={error}
          required
          maxLength={300}
        />
      ))}
    </SimpleGrid>
  );
}

export const emptyName: LocalisedName = { ky: '', ru: '', en: '' };

export function isNameFilled(name: LocalisedName): boolean {
  return locales.every((locale) => name[locale].trim() !== '');
}

export function trimmedName(name: LocalisedName): LocalisedName {
  return { ky: name.ky.trim(), ru: name.ru.trim(), en: name.en.trim() };
}
