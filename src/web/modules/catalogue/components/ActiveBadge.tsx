import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active or inactive, as a small badge. */
export function ActiveBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return isActive ? (
    <Badge color="teal" variant="light">
      {t('common.active')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('common.inactive')}
    </Badge>
  );
}
