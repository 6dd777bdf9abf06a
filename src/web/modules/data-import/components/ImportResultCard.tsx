import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '#shared/contracts/data-values.contract';
import { formatNumber } from '#shared/format/locale-format';
import { useServerText } from '#web/lib/messages';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';

const importanceColour = { high: 'red', medium: 'orange', low: 'gray' } as const;

/** What a check or an import did: counts of created, changed, removed and unchanged values, and warnings. */
export function ImportResultCard({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const serverText = useServerText();
  const counts = [
    ['rows', result.rows],
    ['created', result.created],
    ['updated', result.updated],
    ['deleted', result.deleted],
    ['unchanged', result.unchanged],
  ] as const;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="import-result">
      <Stack gap="md">
        <Alert
          color={result.dryRun ? 'blue' : 'teal'}
          icon={result.dryRun ? <IconInfoCircle size={18} /> : <IconCircleCheck size={18} />}
          title={result.dryRun ? t('dataImport.checkedTitle') : t('dataImport.importedTitle')}
        >
          {result.dryRun ? t('dataImport.checkedBody') : t('dataImport.importedBody')}
        </Alert>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {counts.map(([key, value]) => (
            <Stack key={key} gap={0}>
              <Text size="xs" c="dimmed">
                {t(`dataImport.count.${key}`)}
              </Text>
              <Text size="xl" fw={700} data-testid={`count-${key}`}>
                {formatNumber(value, locale)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {result.checks.length > 0 ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('dataImport.warnings', { count: result.checks.length })}
            </Title>
            <Table.ScrollContainer minWidth={360} maxHeight={320}>
              <Table striped withTableBorder fz="sm" stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={110}>{t('dataImport.importance')}</Table.Th>
                    <Table.Th>{t('dataImport.warning')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.checks.map((check, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>
                        <Badge color={importanceColour[check.importance]} variant="light">
                          {t(`dataImport.importanceLevel.${check.importance}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{serverText(check)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ) : (
          <Group>
            <Text size="sm" c="dimmed">
              {t('dataImport.noWarnings')}
            </Text>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
