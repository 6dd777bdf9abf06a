import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown for an unknown address inside the app. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih={360}>
      <Stack align="center" gap="sm">
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/territories" variant="light">
          {t('nav.territories')}
        </Button>
      </Stack>
    </Center>
  );
}

/** Shown when the user lacks the permission for a page (the server would refuse anyway). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Center mih={360}>
      <Stack align="center" gap="sm">
        <Title order={1} size="h2">
          {t('forbidden.title')}
        </Title>
        <Text c="dimmed">{t('forbidden.body')}</Text>
        <Button component={Link} to="/territories" variant="light">
          {t('nav.territories')}
        </Button>
      </Stack>
    </Center>
  );
}
