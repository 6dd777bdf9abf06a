import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconDownload, IconLink, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ExplorerLayout, ExplorerQuery } from '#shared/contracts/explorer.contract';
import { useCatalogue } from '#web/modules/catalogue/hooks/useCatalogue';
import { ExplorerChart, type ChartType } from '#web/modules/explorer/components/ExplorerChart';
import { ExplorerFilters } from '#web/modules/explorer/components/ExplorerFilters';
import { LayoutControls } from '#web/modules/explorer/components/LayoutControls';
import { PivotTable } from '#web/modules/explorer/components/PivotTable';
import { initialForm, toExplorerQuery, type ExplorerForm } from '#web/modules/explorer/explorer-form';
import { viewFromSearch, viewToSearch, type ExplorerView } from '#web/modules/explorer/explorer-url';
import { useExplorerExport, useExplorerQuery } from '#web/modules/explorer/hooks/useExplorer';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useTerritories } from '#web/modules/territories/hooks/useTerritories';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { LoadingState } from '#web/ui/LoadingState';
import { PageHeader } from '#web/ui/PageHeader';

/** What a new explorer page shows before anything is chosen. */
const defaultView = (): ExplorerView => ({
  form: initialForm(),
  layout: { rows: ['territory', 'item'], columns: ['period'] },
  display: { view: 'table', chartType: 'line' },
});

/**
 * The data explorer: choose items, territories and periods, see a pivot table or a chart, export it.
 * Figures are computed on the server from the stored values at every query. The view shown (query, layout,
 * table or chart) lives in the URL, so a copied link or a bookmark reproduces it.
 */
export function ExplorerPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalogue = useCatalogue();
  const territories = useTerritories();
  const [searchParams, setSearchParams] = useSearchParams();
  const [opened] = useState(() => viewFromSearch(searchParams, defaultView()));
  const [form, setForm] = useState<ExplorerForm>(opened.form);
  const [shownForm, setShownForm] = useState<ExplorerForm | null>(opened.hasQuery ? opened.form : null);
  const submitted: ExplorerQuery | null = shownForm ? toExplorerQuery(shownForm) : null;
  const [layout, setLayout] = useState<ExplorerLayout>(opened.layout);
  const [view, setView] = useState<string | null>(opened.display.view);
  const [chartType, setChartType] = useState<ChartType>(opened.display.chartType);
  const result = useExplorerQuery(submitted);
  const exporter = useExplorerExport();
  const draft = toExplorerQuery(form);

  // The URL follows what is shown (not the pickers being edited), replacing the entry as the layout or the
  // chart changes, so Back leaves the explorer rather than stepping through every click.
  useEffect(() => {
    if (!shownForm) return;
    const display = { view: view === 'chart' ? 'chart' : 'table', chartType } as const;
    const next = viewToSearch({ form: shownForm, layout, display });
    if (next.toString() !== searchParams.toString()) setSearchParams(next, { replace: true });
  }, [shownForm, layout, view, chartType, searchParams, setSearchParams]);

  const copyLink = () => {
    void navigator.clipboard
      .writeText(window.location.href)
      .then(() => notifications.show({ color: 'teal', message: t('explorer.linkCopied') }));
  };

  const download = (format: 'csv' | 'xlsx') => {
    if (submitted) exporter.mutate({ request: { query: submitted, layout, locale }, format });
  };

  return (
    <>
      <PageHeader
        title={t('explorer.title')}
        description={t('explorer.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconLink size={16} />}
              disabled={!submitted}
              onClick={copyLink}
              data-testid="explorer-copy-link"
            >
              {t('explorer.copyLink')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={!result.data}
              onClick={() => download('csv')}
              data-testid="explorer-export-csv"
            >
              {t('explorer.exportCsv')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={!result.data}
              onClick={() => download('xlsx')}
              data-testid="explorer-export-xlsx"
            >
              {t('explorer.exportXlsx')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {catalogue.error ? <ErrorAlert error={catalogue.error} /> : null}
        {territories.error ? <ErrorAlert error={territories.error} /> : null}
        <Paper withBorder radius="md" p="md">
          <ExplorerFilters
            form={form}
            onChange={setForm}
            onShow={() => setShownForm(form)}
            catalogue={catalogue.data}
            territories={territories.data?.items ?? []}
            canShow={draft !== null}
            isLoading={result.isFetching}
          />
        </Paper>
        {result.error ? <ErrorAlert error={result.error} /> : null}
        {exporter.error ? <ErrorAlert error={exporter.error} /> : null}
        {!submitted ? (
          <Text c="dimmed">{t('explorer.empty')}</Text>
        ) : !result.data ? (
          <LoadingState label={t('common.loading')} minHeight={200} />
        ) : (
          <Paper withBorder radius="md" p="md">
            <Tabs value={view} onChange={setView}>
              <Tabs.List mb="md">
                <Tabs.Tab value="table" leftSection={<IconTable size={16} />}>
                  {t('explorer.table')}
                </Tabs.Tab>
                <Tabs.Tab
                  value="chart"
                  leftSection={<IconChartBar size={16} />}
                  data-testid="explorer-chart-tab"
                >
                  {t('explorer.chart')}
                </Tabs.Tab>
              </Tabs.List>
              {result.data.containsSynthetic ? (
                <Alert color="orange" variant="light" mb="md" data-testid="explorer-synthetic">
                  {t('explorer.synthetic')}
                </Alert>
              ) : null}
              {result.data.periods.length === 0 ? <Text c="dimmed">{t('explorer.noPeriods')}</Text> : null}
              <Tabs.Panel value="table">
                <Stack gap="md">
                  <LayoutControls layout={layout} onChange={setLayout} />
                  <PivotTable result={result.data} layout={layout} />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="chart">
                <Stack gap="md">
                  <Group>
                    <SegmentedControl
                      aria-label={t('explorer.chartType')}
                      value={chartType}
                      onChange={(value) => setChartType(value)}
                      data={(['line', 'bar', 'stacked'] as const).map((type) => ({
                        value: type,
                        label: t(`explorer.chartTypes.${type}`),
                      }))}
                    />
                  </Group>
                  {view === 'chart' ? <ExplorerChart result={result.data} type={chartType} /> : null}
                </Stack>
              </Tabs.Panel>
            </Tabs>
          </Paper>
        )}
      </Stack>
    </>
  );
}
