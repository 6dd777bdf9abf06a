import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { LoadingState } from '#web/ui/LoadingState';
import type { Permission } from '#shared/domain/access';
import { useHasPermission, useSession } from '../hooks/useSession';

/** Where a user whose password must be changed first is kept (the server refuses everything else). */
const passwordChangePath = '/profile';

/**
 * Renders its children only for a signed-in user; otherwise sends them to the sign-in page. A user who must
 * first replace a password set by an administrator is sent to the password change.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label={t('common.loading')} minHeight={400} />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== passwordChangePath)
    return <Navigate to={`${passwordChangePath}#password`} replace />;
  return <>{children}</>;
}

type RequirePermissionProps = { permission: Permission; children: ReactNode; fallback: ReactNode };

/** Renders its children only when the user holds the permission; otherwise the fallback. */
export function RequirePermission({ permission, children, fallback }: RequirePermissionProps) {
  const isAllowed = useHasPermission(permission);
  return <>{isAllowed ? children : fallback}</>;
}
