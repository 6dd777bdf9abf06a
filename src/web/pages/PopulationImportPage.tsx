import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PopulationImportPanel } from '#web/modules/territories/components/PopulationImportPanel';
import { PageHeader } from '#web/ui/PageHeader';

/** Upload population figures from a CSV or XLSX file (administrators). */
export function PopulationImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/territories" size="sm">
          {t('nav.territories')}
        </Anchor>
        <Text size="sm">{t('populationImport.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('populationImport.title')} description={t('populationImport.subtitle')} />
      <PopulationImportPanel />
    </>
  );
}
