import type { Role } from '#shared/domain/access';
import type { Locale } from '#shared/domain/locale';

/**
 * Who performs a use case, with the request it came from. Every service that writes takes an Actor so the
 * audit log can say who did what; `system` actors stand for the CLI and background jobs.
 */
export type Actor = {
  userId: string | null;
  username: string;
  role: Role | 'system';
  agencyId: string | null;
  territoryId: string | null;
  requestId: string | null;
  ip: string | null;
};

/** The actor used by CLI commands and start-up tasks. */
export function systemActor(name = 'system'): Actor {
  return {
    userId: null,
    username: name,
    role: 'system',
    agencyId: null,
    territoryId: null,
    requestId: null,
    ip: null,
  };
}

/** A signed-in user as the auth layer loads it with each request. */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  territoryId: string | null;
  locale: Locale;
  mustChangePassword: boolean;
};

export type AuthenticatedSession = {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
};
