import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, SessionResponse } from '#shared/contracts/auth.contract';
import { applyLocale, storeLocale } from '#web/lib/i18n';
import { changePassword, login, logout } from '../api/auth.api';
import { sessionQueryKey } from './useSession';

/** Signs in, caches the session and switches the interface to the user's stored language. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) => login(request),
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
