/**
 * Roles and the permissions each one holds. This table is the single source of truth for authorisation:
 * the server checks it on every request and the web UI only mirrors it to hide what a user cannot do.
 */
export const roles = [
  'administrator',
  'analyst',
  'agency_officer',
  'regional_officer',
  'media_editor',
  'viewer',
] as const;

export type Role = (typeof roles)[number];

const everyone = roles;

export const permissionRoles = {
  'territories.read': everyone,
  'territories.manage': ['administrator'],
  'population.import': ['administrator'],
  'agencies.read': everyone,
  'agencies.manage': ['administrator'],
  'catalogue.read': everyone,
  'catalogue.manage': ['administrator'],
  /** Read reported values (officers: approved values, plus drafts within their own scope). */
  'data.read': ['administrator', 'analyst', 'agency_officer', 'regional_officer'],
  /** Enter and import values (officers: only their agency's elements, only within their territory). */
  'data.enter': ['administrator', 'analyst', 'agency_officer', 'regional_officer'],
  /** Submit an agency's figures for a territory and period for approval. */
  'data.submit': ['administrator', 'analyst', 'agency_officer', 'regional_officer'],
  /** Approve or return submitted figures, and unlock approved ones (with a reason). */
  'data.approve': ['administrator', 'analyst'],
  /** Pivot, chart and export in the data explorer. */
  'explorer.use': ['administrator', 'analyst', 'agency_officer', 'regional_officer'],
  'users.read': ['administrator'],
  'users.manage': ['administrator'],
  'audit.read': ['administrator'],
  'jobs.read': ['administrator'],
  /** Switch recurring schedules on or off and run them at once. */
  'jobs.manage': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

/** Whether a role holds a permission. */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

/** Every permission a role holds, in table order; sent to the web UI so it can mirror the server. */
export function permissionsOfRole(role: Role): Permission[] {
  return (Object.keys(permissionRoles) as Permission[]).filter((p) => roleHasPermission(role, p));
}

/** Roles whose users must be bound to a scope. */
export function requiredScopeOfRole(role: Role): 'agency' | 'territory' | null {
  if (role === 'agency_officer') return 'agency';
  if (role === 'regional_officer') return 'territory';
  return null;
}

/**
 * The scope a role may carry besides its required one, narrowing it further: an agency officer may be
 * limited to a territory (a regional department of the agency), a regional officer to one agency.
 */
export function optionalScopeOfRole(role: Role): 'agency' | 'territory' | null {
  if (role === 'agency_officer') return 'territory';
  if (role === 'regional_officer') return 'agency';
  return null;
}
