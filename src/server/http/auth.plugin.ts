import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { csrfHeaderName } from '#shared/contracts/auth.contract';
import { roleHasPermission } from '#shared/domain/access';
import type { Actor, AuthenticatedSession } from '#server/lib/actor';
import { AppError } from '#server/lib/app-error';

export const sessionCookieName = 'kuzot_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, or null. Set before the route's handler runs. */
    auth: AuthenticatedSession | null;
  }
}

export type AuthPluginOptions = {
  authenticate(token: string): Promise<AuthenticatedSession>;
};

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The signed-in session of a request; throws UNAUTHENTICATED when there is none. */
export function requireAuth(request: FastifyRequest): AuthenticatedSession {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

/** The actor of a request, for services' audit entries. */
export function actorOf(request: FastifyRequest): Actor {
  const auth = requireAuth(request);
  return {
    userId: auth.user.id,
    username: auth.user.username,
    role: auth.user.role,
    agencyId: auth.user.agencyId,
    territoryId: auth.user.territoryId,
    requestId: request.id,
    ip: request.ip,
  };
}

/**
 * Resolves the session cookie, then enforces each route's access decision and the CSRF token on every
 * state-changing request. It runs before the body is parsed, so an unauthorised caller learns nothing
 * about what a valid body would look like.
 */
async function authPlugin(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    const isApi = request.url.startsWith('/api/');
    if (!access) {
      // Routes outside the API (static files, docs) are public by nature; API routes must decide.
      if (
        isApi &&
        request.routeOptions.url !== undefined &&
        !request.routeOptions.url.startsWith('/api/docs')
      ) {
        throw new AppError('FORBIDDEN', 'This route has no access decision.');
      }
      return;
    }
    const token = request.cookies[sessionCookieName];
    if (token) {
      try {
        request.auth = await options.authenticate(token);
      } catch (error) {
        // An expired or unknown cookie on a public route (such as sign-in) is simply ignored.
        if (!('public' in access)) throw error;
      }
    }
    if ('public' in access) return;
    const auth = requireAuth(request);
    if (auth.user.mustChangePassword && request.routeOptions.config.allowedBeforePasswordChange !== true)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if ('permission' in access && !roleHasPermission(auth.user.role, access.permission)) {
      throw new AppError('FORBIDDEN');
    }
    if (stateChanging.has(request.method)) {
      const sent = request.headers[csrfHeaderName];
      if (typeof sent !== 'string' || !sameToken(sent, auth.csrfToken))
        throw new AppError('CSRF_TOKEN_INVALID');
    }
  });
}

export const authenticationPlugin = fp(authPlugin, { name: 'kuzot-auth', dependencies: ['@fastify/cookie'] });
