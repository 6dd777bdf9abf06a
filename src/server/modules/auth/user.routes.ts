import { idParamsSchema } from '#shared/contracts/common.contract';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userWithPasswordSchema,
} from '#shared/contracts/users.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { UserService } from './user.service';

/** User administration. */
export function userRoutes(app: TypedApp, options: { users: UserService }): void {
  const tags = ['users'];
  app.get(
    '/api/v1/users',
    {
      config: { access: needs('users.read') },
      schema: {
        tags,
        summary: 'List users',
        querystring: userListQuerySchema,
        response: { 200: userListSchema },
      },
    },
    (request) => options.users.list(request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: needs('users.manage') },
      schema: {
        tags,
        summary: 'Add a user (a password is generated when none is given)',
        body: createUserRequestSchema,
        response: { 201: userWithPasswordSchema },
      },
    },
    async (request, reply) => {
      const result = await options.users.create(actorOf(request), request.body);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: needs('users.read') },
      schema: { tags, summary: 'Get a user', params: idParamsSchema, response: { 200: userSchema } },
    },
    (request) => options.users.get(request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: needs('users.manage') },
      schema: {
        tags,
        summary: 'Change a user: profile, role, scope, disabled',
        params: idParamsSchema,
        body: updateUserRequestSchema,
        response: { 200: userSchema },
      },
    },
    (request) => options.users.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: needs('users.manage') },
      schema: {
        tags,
        summary: 'Reset a password (generated when none is given)',
        params: idParamsSchema,
        body: resetPasswordRequestSchema,
        response: { 200: userWithPasswordSchema },
      },
    },
    (request) => options.users.resetPassword(actorOf(request), request.params.id, request.body.password),
  );
}
