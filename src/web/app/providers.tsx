import { useEffect, useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { isApiError, onUnauthenticated } from '#web/lib/api-client';
import { sessionQueryKey } from '#web/modules/auth/hooks/useSession';
import { useApplyUserLocale, useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { theme } from './theme';
import 'dayjs/locale/ky';
import 'dayjs/locale/ru';
import 'dayjs/locale/en';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not get better by retrying; network hiccups may.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

/** Keeps dates and the interface on the user's language; lives inside the query and i18n providers. */
function LocaleBridge({ children }: { children: ReactNode }) {
  useApplyUserLocale();
  const locale = useLocale();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** Query cache, i18n, Mantine theme, notifications; sends the user to sign-in when the session ends. */
export function AppProviders({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    onUnauthenticated(() => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(sessionQueryKey, null);
    });
    return () => onUnauthenticated(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-right" />
          <LocaleBridge>{children}</LocaleBridge>
        </MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
