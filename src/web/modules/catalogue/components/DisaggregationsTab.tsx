import { disaggregationNameSeparator } from '#shared/domain/disaggregation';
import { Badge, Card, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Catalogue, CategoryCombo } from '#shared/contracts/catalogue.contract';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { optionCombinations } from '../disaggregation';

/** Read-only: the disaggregation categories with their options, and the combinations data elements use. */
export function DisaggregationsTab({
  catalogue,
  isLoading,
}: {
  catalogue: Catalogue | undefined;
  isLoading: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const categories = catalogue?.categories ?? [];
  const categoryName = (id: string) => {
    const category = categories.find((c) => c.id === id);
    return category ? localName(category.name, locale) : id;
  };

  const columns: DataColumn<CategoryCombo>[] = [
    { key: 'code', header: t('catalogue.fields.code'), noWrap: true, render: (c) => <Code>{c.code}</Code> },
    { key: 'name', header: t('catalogue.fields.name'), render: (c) => localName(c.name, locale) },
    {
      key: 'categories',
      header: t('catalogue.disaggregations.categories'),
      render: (c) =>
        c.categoryIds.length
          ? c.categoryIds.map(categoryName).join(' × ')
          : t('catalogue.disaggregations.none'),
    },
    {
      key: 'count',
      header: t('catalogue.disaggregations.combinationCount'),
      align: 'right',
      render: (c) => optionCombinations(c, categories).length,
    },
    {
      key: 'elements',
      header: t('catalogue.disaggregations.usedBy'),
      align: 'right',
      render: (c) => (catalogue?.dataElements ?? []).filter((e) => e.categoryComboId === c.id).length,
    },
  ];

  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h4" mb="sm">
          {t('catalogue.disaggregations.categoriesTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {categories.map((category) => (
            <Card key={category.id} withBorder radius="md" data-category={category.code}>
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{localName(category.name, locale)}</Text>
                <Code>{category.code}</Code>
              </Group>
              <Group gap={6}>
                {category.options.map((option) => (
                  <Badge
                    key={option.id}
                    variant="light"
                    tt="none"
                    title={option.code}
                    h="auto"
                    styles={{ label: { whiteSpace: 'normal' } }}
                  >
                    {localName(option.name, locale)}
                  </Badge>
                ))}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </div>
      <div>
        <Title order={2} size="h4" mb="sm">
          {t('catalogue.disaggregations.combosTitle')}
        </Title>
        <Paper withBorder radius="md" p="xs">
          <DataTable
            caption={t('catalogue.disaggregations.combosTitle')}
            columns={columns}
            rows={catalogue?.categoryCombos ?? []}
            rowKey={(c) => c.id}
            isLoading={isLoading}
            minWidth={640}
            renderExpanded={(combo) => (
              <Group gap={6}>
                {optionCombinations(combo, categories).map(({ key, options }) => (
                  <Badge key={key || 'total'} variant="outline" color="gray" tt="none" title={key}>
                    {options.length
                      ? options.map((o) => localName(o.name, locale)).join(disaggregationNameSeparator)
                      : t('catalogue.disaggregations.total')}
                  </Badge>
                ))}
              </Group>
            )}
          />
        </Paper>
      </div>
    </Stack>
  );
}
