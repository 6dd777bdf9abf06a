import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { locales } from '#shared/domain/locale';
import { localeNames } from '#web/lib/i18n';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { useChangeLanguage, useLocale } from '../hooks/useLanguage';

/** Кыргызча / Русский / English menu; stores the choice for the user when signed in. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const changeLanguage = useChangeLanguage();
  const describe = useErrorMessage();

  const choose = (next: (typeof locales)[number]) => {
    if (next === locale) return;
    changeLanguage.mutate(next, {
      onError: (error) => notifications.show({ color: 'red', message: describe(error).message }),
    });
  };

  return (
    <Menu position="bottom-end" withArrow shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLanguage size={18} aria-hidden />}
          loading={changeLanguage.isPending}
          aria-label={`${t('common.language')}: ${localeNames[locale]}`}
          data-testid="language-switcher"
        >
          {localeNames[locale]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common.language')}</Menu.Label>
        {locales.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            onClick={() => choose(option)}
            rightSection={option === locale ? <IconCheck size={14} aria-hidden /> : null}
            aria-current={option === locale ? 'true' : undefined}
          >
            {localeNames[option]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
