import { describe, expect, it } from 'vitest';
import { roles } from '#shared/domain/access';
import { homeOf } from './home';

describe('where a user lands', () => {
  it('sends data officers to their entry form and everyone else to the territories', () => {
    expect(Object.fromEntries(roles.map((role) => [role, homeOf(role)]))).toEqual({
      administrator: '/territories',
      analyst: '/territories',
      agency_officer: '/entry',
      regional_officer: '/entry',
      media_editor: '/territories',
      viewer: '/territories',
    });
  });
});
