import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type PagerProps = {
  total: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  /** Formats counts in the interface locale. */
  formatCount: (value: number) => string;
};

/** "41–60 of 312" and page buttons for offset/limit lists. */
export function Pager({ total, limit, offset, onOffsetChange, formatCount }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.range', { from: formatCount(from), to: formatCount(to), total: formatCount(total) })}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={(next) => onOffsetChange((next - 1) * limit)}
          size="sm"
          aria-label={t('common.pagination')}
          getControlProps={(control) => {
            if (control === 'previous') return { 'aria-label': t('common.previousPage') };
            if (control === 'next') return { 'aria-label': t('common.nextPage') };
            return {};
          }}
        />
      ) : null}
    </Group>
  );
}
