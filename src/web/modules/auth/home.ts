import type { Role } from '#shared/domain/access';

/**
 * Where a user lands after signing in or opening the app: data officers (agency and regional officers) on
 * their entry form, where their work is; everyone else on the territories overview.
 */
export function homeOf(role: Role): string {
  return role === 'agency_officer' || role === 'regional_officer' ? '/entry' : '/territories';
}
