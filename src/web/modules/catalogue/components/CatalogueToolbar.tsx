import { Button, Group, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type CatalogueToolbarProps = {
  search: string;
  onSearch: (text: string) => void;
  /** The add button's label; no button when null (the user cannot manage the catalogue). */
  addLabel: string | null;
  onAdd: () => void;
};

/** The search box and the add button above a catalogue table. */
export function CatalogueToolbar({ search, onSearch, addLabel, onAdd }: CatalogueToolbarProps) {
  const { t } = useTranslation();
  return (
    <Group mb="md" gap="sm" align="flex-end" justify="space-between" wrap="wrap">
      <TextInput
        label={t('common.search')}
        placeholder={t('catalogue.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        type="search"
        w={{ base: '100%', sm: 280 }}
      />
      {addLabel !== null ? (
        <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
          {addLabel}
        </Button>
      ) : null}
    </Group>
  );
}
