import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, SessionResponse } from '#shared/contracts/auth.contract';
import type { Permission } from '#shared/domain/access';
import { fetchSession } from '../api/auth.api';

/** Query key of the session; everything else in the cache belongs to it. */
export const sessionQueryKey = ['auth', 'session'] as const;

/** The session as loaded from the server: `data` is null when signed out. */
export function useSession() {
  return useQuery<SessionResponse | null>({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** The signed-in user; only call inside routes guarded by RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser called outside an authenticated route');
  return data.user;
}

/** Whether the signed-in user holds a permission (mirrors the server; the server still checks). */
export function useHasPermission(permission: Permission): boolean {
  const { data } = useSession();
  return data ? (data.user.permissions as readonly string[]).includes(permission) : false;
}

/** Replaces the cached user after the server returns an updated one (e.g. new locale). */
export function useSetCurrentUser(): (user: CurrentUser) => void {
  const queryClient = useQueryClient();
  return (user) =>
    queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, (session) =>
      session ? { ...session, user } : session,
    );
}
