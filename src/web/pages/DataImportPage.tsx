import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TemplateDownloadCard } from '#web/modules/data-import/components/TemplateDownloadCard';
import { ValuesUploadCard } from '#web/modules/data-import/components/ValuesUploadCard';
import { PageHeader } from '#web/ui/PageHeader';

/** Import data values: the Excel template of an agency and period, and uploads of CSV and XLSX files. */
export function DataImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dataImport.title')} description={t('dataImport.subtitle')} />
      <Stack gap="lg">
        <TemplateDownloadCard />
        <ValuesUploadCard />
      </Stack>
    </>
  );
}
