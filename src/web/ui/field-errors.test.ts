import { describe, expect, it } from 'vitest';
import { ApiError } from '#web/lib/api-client';
import { fieldErrorsOf } from './field-errors';

describe('the fields a server error names', () => {
  it('lists every field of a schema refusal, without the request part', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid', {
      issues: [
        { field: 'body.username', message: 'must not be empty', localised: { key: 'request.required' } },
        { field: 'body.name.en', message: 'too long' },
      ],
    });
    const fields = fieldErrorsOf(error);
    expect([...fields.keys()]).toEqual(['username', 'name.en']);
    expect(fields.get('username')).toEqual({
      message: 'must not be empty',
      localised: { key: 'request.required' },
    });
    expect(fields.get('name.en')).toEqual({ message: 'too long', localised: null });
  });

  it("names the one field of a service refusal with the error's own sentence", () => {
    const error = new ApiError(
      409,
      'USERNAME_TAKEN',
      'That username is taken.',
      { field: 'username' },
      {
        key: 'error.USERNAME_TAKEN',
      },
    );
    expect(fieldErrorsOf(error).get('username')).toEqual({
      message: 'That username is taken.',
      localised: { key: 'error.USERNAME_TAKEN' },
    });
  });

  it('names nothing for an error without fields or a value that is not an error', () => {
    expect(fieldErrorsOf(new ApiError(500, 'INTERNAL', 'boom')).size).toBe(0);
    expect(fieldErrorsOf(new Error('network')).size).toBe(0);
    expect(fieldErrorsOf(null).size).toBe(0);
  });
});
