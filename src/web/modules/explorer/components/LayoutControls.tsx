import { ActionIcon, Group, MultiSelect, Tooltip } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  explorerDimensions,
  type ExplorerDimension,
  type ExplorerLayout,
} from '#shared/contracts/explorer.contract';
import { swapLayout } from '#shared/domain/explorer-pivot';

type LayoutControlsProps = { layout: ExplorerLayout; onChange: (layout: ExplorerLayout) => void };

/** Which dimensions go on rows and which on columns, with a button that swaps them. */
export function LayoutControls({ layout, onChange }: LayoutControlsProps) {
  const { t } = useTranslation();
  const data = explorerDimensions.map((d) => ({ value: d, label: t(`explorer.dimensions.${d}`) }));
  // A dimension lives on one axis only: choosing it for one removes it from the other.
  const set = (axis: 'rows' | 'columns', values: string[]) => {
    const chosen = values as ExplorerDimension[];
    const other = axis === 'rows' ? 'columns' : 'rows';
    onChange({ [axis]: chosen, [other]: layout[other].filter((d) => !chosen.includes(d)) } as ExplorerLayout);
  };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        label={t('explorer.rows')}
        data={data}
        value={layout.rows}
        onChange={(values) => set('rows', values)}
        w={300}
        data-testid="explorer-rows"
      />
      <Tooltip label={t('explorer.swap')} withArrow>
        <ActionIcon
          variant="light"
          size="lg"
          aria-label={t('explorer.swap')}
          onClick={() => onChange(swapLayout(layout))}
          data-testid="explorer-swap"
        >
          <IconArrowsExchange size={18} />
        </ActionIcon>
      </Tooltip>
      <MultiSelect
        label={t('explorer.columns')}
        data={data}
        value={layout.columns}
        onChange={(values) => set('columns', values)}
        w={300}
        data-testid="explorer-columns"
      />
    </Group>
  );
}
