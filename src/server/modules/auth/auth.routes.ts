import type { FastifyReply } from 'fastify';
import {
  changePasswordRequestSchema,
  currentUserSchema,
  loginRequestSchema,
  sessionResponseSchema,
  updatePreferencesRequestSchema,
  type SessionResponse,
} from '#shared/contracts/auth.contract';
import { errorResponseSchema, okResponseSchema } from '#shared/contracts/common.contract';
import { actorOf, requireAuth, sessionCookieName } from '#server/http/auth.plugin';
import { publicAccess, signedIn } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { AuthenticatedSession } from '#server/lib/actor';
import type { AuthService } from './auth.service';
import { presentCurrentUser } from './user.presenter';

export type AuthRoutesOptions = { auth: AuthService; secureCookies: 'auto' | boolean };

const present = (session: AuthenticatedSession): SessionResponse => ({
  user: presentCurrentUser(session.user),
  csrfToken: session.csrfToken,
  expiresAt: session.expiresAt.toISOString(),
});

/** Sign-in, sign-out, the current session and the user's own settings. */
export function authRoutes(app: TypedApp, options: AuthRoutesOptions): void {
  const tags = ['auth'];
  const setCookie = (reply: FastifyReply, token: string, secure: boolean) =>
    reply.setCookie(sessionCookieName, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Sign in',
        body: loginRequestSchema,
        response: {
          200: sessionResponseSchema,
          401: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { token, session } = await options.auth.login({
        username: request.body.username,
        password: request.body.password,
        locale: request.body.locale,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      const secure = options.secureCookies === 'auto' ? request.protocol === 'https' : options.secureCookies;
      setCookie(reply, token, secure);
      return present(session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: signedIn, allowedBeforePasswordChange: true },
      schema: { tags, summary: 'Sign out', response: { 200: okResponseSchema } },
    },
    async (request, reply) => {
      await options.auth.logout(requireAuth(request).sessionId, actorOf(request));
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: signedIn, allowedBeforePasswordChange: true },
      schema: {
        tags,
        summary: 'The current session and its CSRF token',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => present(requireAuth(request)),
  );

  app.patch(
    '/api/v1/me/preferences',
    {
      config: { access: signedIn, allowedBeforePasswordChange: true },
      schema: {
        tags,
        summary: 'Change my interface language',
        body: updatePreferencesRequestSchema,
        response: { 200: currentUserSchema },
      },
    },
    async (request) =>
      presentCurrentUser(await options.auth.updateLocale(actorOf(request), request.body.locale)),
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { access: signedIn, allowedBeforePasswordChange: true },
      schema: {
        tags,
        summary: 'Change my password',
        body: changePasswordRequestSchema,
        response: { 200: okResponseSchema },
      },
    },
    async (request) => {
      await options.auth.changeOwnPassword(
        actorOf(request),
        requireAuth(request).sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );
}
