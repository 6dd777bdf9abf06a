import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import { ValueBoundsSection } from './ValueBoundsSection';

/** What an expanded data element row shows everyone: its description and its min/max bounds (read-only). */
export function DataElementDetails({ element }: { element: DataElement }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" p="xs" maw={900}>
      <Text size="sm" c={element.description ? undefined : 'dimmed'}>
        {element.description || t('catalogue.dataElements.noDescription')}
      </Text>
      <ValueBoundsSection element={element} canManage={false} />
    </Stack>
  );
}
