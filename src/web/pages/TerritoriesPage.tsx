import { Grid, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '#web/modules/auth/hooks/useSession';
import { TerritoryDetailPanel } from '#web/modules/territories/components/TerritoryDetailPanel';
import { TerritoryTree } from '#web/modules/territories/components/TerritoryTree';
import { useTerritories, useTerritory } from '#web/modules/territories/hooks/useTerritories';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { LoadingState } from '#web/ui/LoadingState';
import { PageHeader } from '#web/ui/PageHeader';

/** Territory tree on the left, the selected territory's detail on the right (/territories/:id). */
export function TerritoriesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const territories = useTerritories();
  const user = useCurrentUser();
  const detail = useTerritory(id);

  // Without a selection, open the user's own territory (regional officers) or the country.
  if (!id && territories.data) {
    const items = territories.data.items;
    const home =
      items.find((item) => item.id === user.territoryId) ?? items.find((item) => item.parentId === null);
    if (home) return <Navigate to={`/territories/${home.id}`} replace />;
  }

  return (
    <>
      <PageHeader title={t('territories.title')} description={t('territories.subtitle')} />
      {territories.error ? <ErrorAlert error={territories.error} /> : null}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          <Paper withBorder p="md" radius="md" component="nav" aria-label={t('territories.treeLabel')}>
            {territories.data ? (
              <TerritoryTree
                items={territories.data.items}
                selectedId={id}
                onSelect={(next) => void navigate(`/territories/${next}`)}
              />
            ) : (
              <LoadingState label={t('common.loading')} />
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          {detail.error ? <ErrorAlert error={detail.error} /> : null}
          {detail.data ? (
            <TerritoryDetailPanel key={detail.data.territory.id} detail={detail.data} />
          ) : detail.isPending && id ? (
            <LoadingState label={t('common.loading')} minHeight={320} />
          ) : !id ? (
            <Text c="dimmed">{t('territories.selectPrompt')}</Text>
          ) : null}
        </Grid.Col>
      </Grid>
    </>
  );
}
