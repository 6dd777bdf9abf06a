import { useState } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTableImport, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TerritoryDetail } from '#shared/contracts/territories.contract';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useHasPermission } from '#web/modules/auth/hooks/useSession';
import { localeNames } from '#web/lib/i18n';
import { useDeletePopulation } from '../hooks/useTerritories';
import { childLevelsOf, sortTerritories } from '../territory-tree';
import { PopulationFormModal } from './PopulationFormModal';
import { PopulationTable } from './PopulationTable';
import { TerritoryFormModal } from './TerritoryFormModal';

type TerritoryDetailPanelProps = { detail: TerritoryDetail };

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** Everything known about one territory: codes, names, variants, place in the hierarchy, population. */
export function TerritoryDetailPanel({ detail }: TerritoryDetailPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const canManage = useHasPermission('territories.manage');
  const canImport = useHasPermission('population.import');
  const { territory, ancestors, population } = detail;
  const children = sortTerritories(detail.children, locale);
  const [isEditing, setIsEditing] = useState(false);
  const [isAddingChild, setIsAddingChild] = useState(false);
  const [populationYear, setPopulationYear] = useState<number | null>(null);
  const deletePopulation = useDeletePopulation(territory.id);
  const name = localName(territory.name, locale);
  const canHaveChildren = childLevelsOf(territory.level).length > 0;

  const firstMissingYear = (() => {
    for (let year = 2025; year >= 2015; year -= 1) {
      if (!population.some((row) => row.year === year)) return year;
    }
    return 2025;
  })();

  return (
    <Stack gap="lg" data-testid="territory-detail">
      <Stack gap={6}>
        {ancestors.length > 0 ? (
          <Box component="nav" aria-label={t('territories.ancestors')}>
            <Breadcrumbs separator="›">
              {ancestors.map((ancestor) => (
                <Anchor key={ancestor.id} component={Link} to={`/territories/${ancestor.id}`} size="sm">
                  {localName(ancestor.name, locale)}
                </Anchor>
              ))}
              <Text size="sm" aria-current="page">
                {name}
              </Text>
            </Breadcrumbs>
          </Box>
        ) : null}
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="sm" align="center">
            <Title order={2}>{name}</Title>
            <Badge variant="light">{t(`levels.${territory.level}`)}</Badge>
          </Group>
          {canManage || canImport ? (
            <Group gap="xs">
              {canManage ? (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} />}
                  onClick={() => setIsEditing(true)}
                >
                  {t('common.edit')}
                </Button>
              ) : null}
              {canManage ? (
                <Button
                  variant="default"
                  leftSection={<IconUsersGroup size={16} />}
                  onClick={() => setPopulationYear(firstMissingYear)}
                >
                  {t('population.edit')}
                </Button>
              ) : null}
              {canImport ? (
                <Button
                  variant="light"
                  leftSection={<IconTableImport size={16} />}
                  component={Link}
                  to="/territories/import"
                >
                  {t('population.import')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>
      </Stack>

      <Card withBorder padding="lg" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <Field label={t('territories.soate')}>
            <Code fz="sm" data-testid="territory-soate">
              {territory.code}
            </Code>
          </Field>
          <Field label={t('territories.iso')}>
            {territory.isoCode ? <Code fz="sm">{territory.isoCode}</Code> : <Text c="dimmed">—</Text>}
          </Field>
          <Field label={t('territories.level')}>
            <Text size="sm">{t(`levels.${territory.level}`)}</Text>
          </Field>
          <Field label={t('territories.adminCenter')}>
            <Text size="sm">{territory.adminCenter ?? '—'}</Text>
          </Field>
        </SimpleGrid>
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder padding="lg" radius="md">
          <Title order={3} size="h5" mb="sm">
            {t('territories.names')}
          </Title>
          <Table fz="sm" aria-label={t('territories.names')}>
            <Table.Tbody>
              {(['ky', 'ru', 'en'] as const).map((lang) => (
                <Table.Tr key={lang}>
                  <Table.Th w={120} fw={500} c="dimmed">
                    {localeNames[lang]}
                  </Table.Th>
                  <Table.Td lang={lang}>{territory.name[lang]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md" mb={6}>
            {t('territories.variants')}
          </Text>
          {territory.variants.length > 0 ? (
            <Group gap={6}>
              {territory.variants.map((variant) => (
                <Badge key={variant} variant="outline" color="gray" tt="none" fw={500}>
                  {variant}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('territories.noVariants')}
            </Text>
          )}
          {territory.notes ? (
            <>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md" mb={6}>
                {t('territories.notes')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {territory.notes}
              </Text>
            </>
          ) : null}
        </Card>

        <Card withBorder padding="lg" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h5">
              {t('territories.children')} ({children.length})
            </Title>
            {canManage && canHaveChildren ? (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => setIsAddingChild(true)}
              >
                {t('territories.addChild')}
              </Button>
            ) : null}
          </Group>
          {children.length > 0 ? (
            <Table
              fz="sm"
              highlightOnHover
              aria-label={t('territories.children')}
              data-testid="territory-children"
            >
              <Table.Tbody>
                {children.map((child) => (
                  <Table.Tr key={child.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/territories/${child.id}`} size="sm" fw={500}>
                        {localName(child.name, locale)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`levels.${child.level}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Code fz="xs">{child.code}</Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {t('territories.noChildren')}
            </Text>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            {t('population.title')}
          </Title>
          <Group gap="md">
            <Group gap={4}>
              <Text c="dimmed">—</Text>
              <Text size="xs" c="dimmed">
                {t('population.noOfficialFigure')}
              </Text>
            </Group>
            <Badge size="xs" color="orange" variant="light">
              {t('population.estimate')}
            </Badge>
          </Group>
        </Group>
        <PopulationTable
          population={population}
          canManage={canManage}
          onEdit={setPopulationYear}
          onDelete={(year) => deletePopulation.mutateAsync(year)}
        />
      </Card>

      {isEditing ? (
        <TerritoryFormModal opened onClose={() => setIsEditing(false)} mode={{ kind: 'edit', territory }} />
      ) : null}
      {isAddingChild ? (
        <TerritoryFormModal
          opened
          onClose={() => setIsAddingChild(false)}
          mode={{ kind: 'create', parent: territory }}
          onCreated={(created) => void navigate(`/territories/${created.id}`)}
        />
      ) : null}
      <PopulationFormModal
        key={populationYear ?? 'closed'}
        territoryId={territory.id}
        territoryName={name}
        population={population}
        year={populationYear}
        onClose={() => setPopulationYear(null)}
      />
    </Stack>
  );
}
