import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Population } from '#shared/contracts/territories.contract';
import { formatNumber } from '#shared/format/locale-format';
import { ConfirmButton } from '#web/ui/ConfirmButton';
import { MissingValue } from '#web/ui/MissingValue';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useRenderMessage } from '#web/lib/messages';
import { populationYears } from '../territory-tree';

type PopulationTableProps = {
  population: Population[];
  canManage: boolean;
  onEdit: (year: number) => void;
  onDelete: (year: number) => Promise<unknown>;
};

type Figure = 'total' | 'male' | 'female' | 'age0to17' | 'age14to35';
const figures: Figure[] = ['total', 'male', 'female', 'age0to17', 'age14to35'];

/** Years 2015–2025 (plus any other year on file); a year or figure without data shows "—", never 0. */
export function PopulationTable({ population, canManage, onEdit, onDelete }: PopulationTableProps) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const locale = useLocale();
  const byYear = new Map(population.map((row) => [row.year, row]));
  const years = new Set<number>();
  for (let year = populationYears.from; year <= populationYears.to; year += 1) years.add(year);
  for (const row of population) years.add(row.year);
  const sortedYears = [...years].sort((a, b) => b - a);
  const noFigure = t('population.noOfficialFigure');

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        aria-label={t('population.title')}
        data-testid="population-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('population.year')}</Table.Th>
            {figures.map((figure) => (
              <Table.Th key={figure} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t(`population.${figure}`)}
              </Table.Th>
            ))}
            <Table.Th>{t('population.source')}</Table.Th>
            {canManage ? (
              <Table.Th w={90}>
                <Text span size="sm" fw={700}>
                  {t('common.actions')}
                </Text>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortedYears.map((year) => {
            const row = byYear.get(year);
            return (
              <Table.Tr key={year} data-year={year} data-missing={row ? undefined : 'true'}>
                <Table.Td fw={600}>{year}</Table.Td>
                {figures.map((figure) => {
                  const value = row?.[figure] ?? null;
                  return (
                    <Table.Td key={figure} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {value === null ? (
                        <MissingValue reason={noFigure} />
                      ) : (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Text span size="sm" ff="monospace">
                            {formatNumber(value, locale)}
                          </Text>
                          {row?.isEstimate && figure === 'total' ? (
                            <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0 }}>
                              {t('population.estimate')}
                            </Badge>
                          ) : null}
                          {row?.kind === 'census' && figure === 'total' ? (
                            <Badge size="xs" color="gray" variant="light" style={{ flexShrink: 0 }}>
                              {t('population.kinds.census')}
                            </Badge>
                          ) : null}
                          {row?.flag && figure === 'total' ? (
                            <Tooltip label={render({ key: `population.doubt.${row.flag}` })} withArrow>
                              <Badge
                                size="xs"
                                color="red"
                                variant="light"
                                style={{ flexShrink: 0 }}
                                data-flag={row.flag}
                              >
                                {t('population.flagged')}
                              </Badge>
                            </Tooltip>
                          ) : null}
                        </Group>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td maw={220}>
                  {row ? (
                    <Tooltip label={row.source} multiline w={360} withArrow>
                      <Group gap={4} wrap="nowrap">
                        <IconInfoCircle size={14} style={{ flexShrink: 0 }} aria-hidden />
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {row.source}
                        </Text>
                      </Group>
                    </Tooltip>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {noFigure}
                    </Text>
                  )}
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('population.editYear', { year })}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('population.editYear', { year })}
                          onClick={() => onEdit(year)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {row ? (
                        <ConfirmButton
                          variant="subtle"
                          color="red"
                          size="compact-sm"
                          px={6}
                          aria-label={t('population.deleteYear', { year })}
                          confirmTitle={t('population.deleteYear', { year })}
                          confirmMessage={t('population.deleteYearConfirm', { year })}
                          confirmLabel={t('common.delete')}
                          onConfirm={() => onDelete(year)}
                        >
                          <IconTrash size={16} />
                        </ConfirmButton>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
