import { Alert } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/locale-format';
import { useSession } from '#web/modules/auth/hooks/useSession';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useDataValueStatus } from '../hooks/useDataValueStatus';

/** Warns on every page while the store holds synthetic demonstration figures, so nobody takes them as real. */
export function DemoDataBanner() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: session } = useSession();
  const canRead = ((session?.user.permissions ?? []) as readonly string[]).includes('data.read');
  const { data } = useDataValueStatus(canRead);
  if (!data || data.syntheticValues === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconFlask size={18} />}
      title={t('demo.bannerTitle')}
      mb="md"
      data-testid="demo-data-banner"
    >
      {t('demo.bannerBody', {
        count: data.syntheticValues,
        values: formatNumber(data.syntheticValues, locale),
      })}
    </Alert>
  );
}
