import { useState } from 'react';
import { Box, Button, Card, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isPeriodId } from '#shared/domain/period';
import { useAgencies } from '#web/modules/agencies/hooks/useAgencies';
import { useCurrentUser } from '#web/modules/auth/hooks/useSession';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useDownloadTemplate } from '../hooks/useDataImport';
import { previousMonth } from '../period-default';

/** Picks an agency and a period and downloads the Excel template (territories of the user's scope). */
export function TemplateDownloadCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const agencies = useAgencies();
  const [agencyId, setAgencyId] = useState<string | null>(user.agencyId);
  const [period, setPeriod] = useState(previousMonth());
  const download = useDownloadTemplate();
  const periodValid = isPeriodId(period.trim());
  const options = (agencies.data?.items ?? [])
    .filter((a) => a.isActive && (user.agencyId === null || a.id === user.agencyId))
    .map((a) => ({ value: a.id, label: a.shortName[locale] }));

  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('dataImport.templateTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('dataImport.templateBody')}
      </Text>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('dataImport.agency')}
          data={options}
          value={agencyId}
          onChange={(value) => {
            setAgencyId(value);
            download.reset();
          }}
          searchable
          w={{ base: '100%', sm: 260 }}
          disabled={agencies.isPending}
        />
        <TextInput
          label={t('dataImport.period')}
          description={t('dataImport.periodHint')}
          value={period}
          onChange={(event) => setPeriod(event.currentTarget.value)}
          error={periodValid ? undefined : t('dataImport.periodInvalid')}
          w={{ base: '100%', sm: 180 }}
        />
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          disabled={!agencyId || !periodValid}
          loading={download.isPending}
          onClick={() => {
            if (agencyId) download.mutate({ agencyId, period: period.trim(), locale });
          }}
        >
          {t('dataImport.download')}
        </Button>
      </Group>
      {download.error ? (
        <Box mt="md">
          <ErrorAlert error={download.error} onClose={() => download.reset()} />
        </Box>
      ) : null}
    </Card>
  );
}
