import { Badge, Code, Group, Text, Timeline } from '@mantine/core';
import { IconMathFunction } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IndicatorVersion } from '#shared/contracts/catalogue.contract';
import { formatDate } from '#shared/format/locale-format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';

/**
 * An indicator's formula versions, oldest first, each with the dates it applies to: a period is computed with the
 * version valid on its first day, so earlier periods keep the formula they had.
 */
export function VersionTimeline({ versions }: { versions: IndicatorVersion[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Timeline active={versions.length - 1} bulletSize={22} lineWidth={2} data-testid="version-timeline">
      {versions.map((version) => (
        <Timeline.Item
          key={version.version}
          bullet={<IconMathFunction size={12} aria-hidden />}
          data-version={version.version}
          title={
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('catalogue.indicators.versionN', { version: version.version })}
              </Text>
              {version.validTo === null ? (
                <Badge size="xs" color="teal" variant="light">
                  {t('catalogue.indicators.current')}
                </Badge>
              ) : null}
            </Group>
          }
        >
          <Text size="xs" c="dimmed">
            {version.validTo === null
              ? t('catalogue.indicators.validSince', { from: formatDate(version.validFrom, locale) })
              : t('catalogue.indicators.validBetween', {
                  from: formatDate(version.validFrom, locale),
                  to: formatDate(version.validTo, locale),
                })}
          </Text>
          <Code block mt={4} fz="xs">
            {version.formula}
          </Code>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
