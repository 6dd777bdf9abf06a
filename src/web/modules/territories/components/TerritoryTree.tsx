import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import {
  Badge,
  Box,
  CloseButton,
  Group,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tree,
  useTree,
} from '@mantine/core';
import type { TreeNodeData } from '@mantine/core';

type TreeExpandedState = Record<string, boolean>;
import { IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Territory } from '#shared/contracts/territories.contract';
import type { TerritoryLevel } from '#shared/domain/territory-level';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ancestorIds, buildTerritoryTree, type TerritoryNode } from '../territory-tree';

type TerritoryTreeProps = {
  items: Territory[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
};

const levelColor: Record<TerritoryLevel, string> = {
  country: 'blue',
  oblast: 'indigo',
  city_republican: 'grape',
  district: 'gray',
  city_oblast: 'cyan',
};

function toTreeData(nodes: TerritoryNode[], locale: ReturnType<typeof useLocale>): TreeNodeData[] {
  return nodes.map((node) => ({
    value: node.territory.id,
    label: localName(node.territory.name, locale),
    nodeProps: { level: node.territory.level },
    children: node.children.length > 0 ? toTreeData(node.children, locale) : undefined,
  }));
}

function allValues(data: TreeNodeData[]): string[] {
  return data.flatMap((node) => [node.value, ...allValues(node.children ?? [])]);
}

/**
 * The territory hierarchy as an accessible tree (arrow keys, Space to expand, Enter to open),
 * with a filter that matches names in all three languages, spelling variants and codes.
 */
export function TerritoryTree({ items, selectedId, onSelect }: TerritoryTreeProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filter, setFilter] = useState('');
  const isFiltering = filter.trim().length > 0;

  const data = useMemo(
    () => toTreeData(buildTerritoryTree(items, locale, filter), locale),
    [items, locale, filter],
  );

  const [expanded, setExpanded] = useState<TreeExpandedState>(() => {
    const root = items.find((item) => item.parentId === null);
    return root ? { [root.id]: true } : {};
  });

  // Open the path to the selected territory (e.g. when arriving by a link).
  useEffect(() => {
    if (!selectedId) return;
    const path = ancestorIds(items, selectedId);
    if (path.length === 0) return;
    setExpanded((state) => {
      if (path.every((id) => state[id])) return state;
      const next = { ...state };
      for (const id of path) next[id] = true;
      return next;
    });
  }, [items, selectedId]);

  const effectiveExpanded = useMemo<TreeExpandedState>(() => {
    if (!isFiltering) return expanded;
    return Object.fromEntries(allValues(data).map((value) => [value, true]));
  }, [isFiltering, expanded, data]);

  const tree = useTree({
    expandedState: effectiveExpanded,
    onExpandedStateChange: (state) => {
      if (!isFiltering) setExpanded(state);
    },
    selectedState: selectedId ? [selectedId] : [],
  });

  const openOnEnter = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    const value = target.getAttribute('role') === 'treeitem' ? target.dataset.value : undefined;
    if (value) {
      event.preventDefault();
      onSelect(value);
    }
  };

  return (
    <Stack gap="sm" h="100%">
      <TextInput
        label={t('territories.filterLabel')}
        placeholder={t('territories.filterPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        rightSection={
          filter ? (
            <CloseButton size="sm" aria-label={t('common.clear')} onClick={() => setFilter('')} />
          ) : null
        }
      />
      {data.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {t('territories.noMatch')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" offsetScrollbars>
          <Box onKeyDown={openOnEnter}>
            <Tree
              data={data}
              tree={tree}
              levelOffset={18}
              expandOnClick
              aria-label={t('territories.treeLabel')}
              data-testid="territory-tree"
              renderNode={({ node, expanded: isOpen, hasChildren, selected, elementProps }) => {
                const level = (node.nodeProps?.level ?? 'district') as TerritoryLevel;
                return (
                  <Group
                    gap={6}
                    wrap="nowrap"
                    {...elementProps}
                    onClick={(event) => {
                      elementProps.onClick(event);
                      onSelect(node.value);
                    }}
                    style={{
                      ...elementProps.style,
                      borderRadius: 'var(--mantine-radius-sm)',
                      padding: '4px 6px',
                      cursor: 'pointer',
                      background: selected ? 'var(--mantine-color-blue-light)' : undefined,
                    }}
                  >
                    <Box w={16} style={{ flexShrink: 0, display: 'flex' }} aria-hidden>
                      {hasChildren ? (
                        <IconChevronRight
                          size={14}
                          style={{
                            transform: isOpen ? 'rotate(90deg)' : undefined,
                            transition: 'transform 120ms',
                          }}
                        />
                      ) : null}
                    </Box>
                    <Text size="sm" fw={selected ? 600 : 400} truncate="end" style={{ flex: 1 }}>
                      {node.label}
                    </Text>
                    {level === 'city_republican' || level === 'city_oblast' ? (
                      <Badge size="xs" variant="light" color={levelColor[level]}>
                        {t('territories.cityShort')}
                      </Badge>
                    ) : null}
                  </Group>
                );
              }}
            />
          </Box>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
