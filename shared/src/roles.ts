/** Who a signed-in account is. Drives navigation in the SPA and access in the API. */
export const ROLES = ['driver', 'operator', 'investor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles anyone may choose at sign-up; investors and admins are created by an admin. */
export const SELF_REGISTERABLE_ROLES = ['driver', 'operator'] as const satisfies readonly Role[];
export type SelfRegisterableRole = (typeof SELF_REGISTERABLE_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
