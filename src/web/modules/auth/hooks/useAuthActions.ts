import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, SessionResponse } from '#shared/contracts/auth.contract';
import { applyLocale, storeLocale, takeChosenLocale } from '#web/lib/i18n';
import { changePassword, login, logout } from '../api/auth.api';
import { sessionQueryKey } from './useSession';

/**
 * Signs in, caches the session and switches the interface to the user's language: the one picked on the
 * sign-in page if the person picked one (the server stores it with the account), else the stored one.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) => {
      const chosen = takeChosenLocale();
      return login(chosen.peek ? { ...request, locale: chosen.peek } : request).then((session) => {
        chosen.clear();
        return session;
      });
    },
    onSuccess: async (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, session);
      storeLocale(session.user.locale);
      await applyLocale(session.user.locale);
    },
  });
}

/** Signs out and forgets every cached answer of the previous user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, null);
    },
  });
}

/** Changes the own password; clears the must-change flag in the cached session on success. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => changePassword(request),
    onSuccess: () => {
      queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, (session) =>
        session ? { ...session, user: { ...session.user, mustChangePassword: false } } : session,
      );
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
