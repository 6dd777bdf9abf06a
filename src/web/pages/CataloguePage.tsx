import { Tabs } from '@mantine/core';
import { IconBinaryTree, IconDatabase, IconMathFunction, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAgencies } from '#web/modules/agencies/hooks/useAgencies';
import { useHasPermission } from '#web/modules/auth/hooks/useSession';
import { DataElementsTab } from '#web/modules/catalogue/components/DataElementsTab';
import { DisaggregationsTab } from '#web/modules/catalogue/components/DisaggregationsTab';
import { IndicatorsTab } from '#web/modules/catalogue/components/IndicatorsTab';
import { ValidationRulesTab } from '#web/modules/catalogue/components/ValidationRulesTab';
import { useCatalogue } from '#web/modules/catalogue/hooks/useCatalogue';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { PageHeader } from '#web/ui/PageHeader';

const tabs = ['data-elements', 'indicators', 'validation-rules', 'disaggregations'] as const;
type Tab = (typeof tabs)[number];

const isTab = (value: string | null): value is Tab => tabs.includes(value as Tab);

/**
 * The indicator catalogue: data elements, derived indicators with versioned formulas, validation rules and
 * disaggregations. Everyone may read it; administrators add and change items. The open tab is in the URL.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const agencies = useAgencies();
  const canManage = useHasPermission('catalogue.manage');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'data-elements';
  const isLoading = catalogue.isPending;

  return (
    <>
      <PageHeader title={t('catalogue.title')} description={t('catalogue.subtitle')} />
      {catalogue.error ? <ErrorAlert error={catalogue.error} /> : null}
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) setParams(value === 'data-elements' ? {} : { tab: value }, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="data-elements" leftSection={<IconDatabase size={16} aria-hidden />}>
            {t('catalogue.tabs.dataElements')}
          </Tabs.Tab>
          <Tabs.Tab value="indicators" leftSection={<IconMathFunction size={16} aria-hidden />}>
            {t('catalogue.tabs.indicators')}
          </Tabs.Tab>
          <Tabs.Tab value="validation-rules" leftSection={<IconShieldCheck size={16} aria-hidden />}>
            {t('catalogue.tabs.validationRules')}
          </Tabs.Tab>
          <Tabs.Tab value="disaggregations" leftSection={<IconBinaryTree size={16} aria-hidden />}>
            {t('catalogue.tabs.disaggregations')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data-elements">
          <DataElementsTab
            catalogue={catalogue.data}
            agencies={agencies.data?.items ?? []}
            isLoading={isLoading}
            canManage={canManage}
          />
        </Tabs.Panel>
        <Tabs.Panel value="indicators">
          <IndicatorsTab
            indicators={catalogue.data?.indicators ?? []}
            isLoading={isLoading}
            canManage={canManage}
          />
        </Tabs.Panel>
        <Tabs.Panel value="validation-rules">
          <ValidationRulesTab
            rules={catalogue.data?.validationRules ?? []}
            isLoading={isLoading}
            canManage={canManage}
          />
        </Tabs.Panel>
        <Tabs.Panel value="disaggregations">
          <DisaggregationsTab catalogue={catalogue.data} isLoading={isLoading} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
