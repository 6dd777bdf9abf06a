import { Button, Group, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type CatalogueFormFooterProps = {
  /** Editing an existing item: shows the active switch and says "Save" rather than "Create". */
  isEditing: boolean;
  isActive: boolean;
  onActiveChange: (active: boolean) => void;
  onCancel: () => void;
  isPending: boolean;
  canSubmit: boolean;
};

/** The end of a catalogue form: the active switch for an existing item, then cancel and submit. */
export function CatalogueFormFooter({
  isEditing,
  isActive,
  onActiveChange,
  onCancel,
  isPending,
  canSubmit,
}: CatalogueFormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {isEditing ? (
        <Switch
          label={t('catalogue.fields.isActive')}
          checked={isActive}
          onChange={(event) => onActiveChange(event.currentTarget.checked)}
        />
      ) : null}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={isPending} disabled={!canSubmit}>
          {isEditing ? t('common.save') : t('common.create')}
        </Button>
      </Group>
    </>
  );
}
