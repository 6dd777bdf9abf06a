import type { Permission } from '#shared/domain/access';

/**
 * Every route states who may call it, in its `config.access`. A route under /api without a decision is
 * refused at run time and fails the access-matrix test, so nothing is reachable by accident.
 */
export type RouteAccess = { public: true } | { authenticated: true } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * Whether a signed-in user who must still choose a new password (set by an administrator) may call the
     * route: only signing out, reading and setting their own account, and changing the password.
     */
    allowedBeforePasswordChange?: boolean;
  }
}

export const publicAccess: RouteAccess = { public: true };
export const signedIn: RouteAccess = { authenticated: true };
export const needs = (permission: Permission): RouteAccess => ({ permission });
