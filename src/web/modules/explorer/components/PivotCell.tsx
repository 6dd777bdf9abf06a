import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PivotValue } from '#shared/domain/explorer-pivot';
import { useRenderMessage } from '#web/lib/messages';
import { MissingValue } from '#web/ui/MissingValue';

type PivotCellProps = { value: PivotValue | null; format: (v: PivotValue) => string };

/**
 * One figure of the pivot: "—" with the reason when empty; a star on a partial figure; an "e" on a rate whose
 * population is estimated and an "f" on one whose population figure is flagged, with the method and the
 * doubt in a tooltip (docs/POPULATION.md).
 */
export function PivotCell({ value, format }: PivotCellProps) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  if (value === null || value.value === null) {
    const reason = value?.emptyReason
      ? render({ key: `explorer.empty.${value.emptyReason}` }, t('explorer.noValue'))
      : t('explorer.noValue');
    return <MissingValue reason={reason} />;
  }
  const notes: string[] = [];
  if (value.partial) notes.push(t('explorer.partial'));
  const denominator = value.denominator;
  if (denominator?.isEstimate || denominator?.flag) {
    notes.push(render({ key: `population.method.${denominator.method}` }));
    if (denominator.flag) notes.push(render({ key: `population.doubt.${denominator.flag}` }));
  }
  const marks = `${value.partial ? '*' : ''}${denominator?.isEstimate ? 'e' : ''}${denominator?.flag ? 'f' : ''}`;
  if (notes.length === 0) return <>{format(value)}</>;
  return (
    <Tooltip label={notes.join(' · ')} withArrow multiline maw={360}>
      <span
        data-partial={value.partial ? 'true' : undefined}
        data-estimate={denominator?.isEstimate ? 'true' : undefined}
        data-flag={denominator?.flag ?? undefined}
        style={{ cursor: 'help' }}
      >
        {format(value)}
        <Text component="sup" c="orange" fw={700}>
          {marks}
        </Text>
      </span>
    </Tooltip>
  );
}
