export type UserListRow = {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  role_id: string;
  role_name: string;
  totp_enabled_at: Date | string | null;
  locked_until: Date | string | null;
  disabled_at: Date | string | null;
  last_login_at: Date | string | null;
  created_at: Date | string;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentUser(u: UserListRow, now: Date) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    organisation: { id: u.organisation_id, name: u.organisation_name },
    role: { id: u.role_id, name: u.role_name },
    totpEnabled: u.totp_enabled_at !== null,
    locked: u.locked_until !== null && new Date(u.locked_until) > now,
    disabled: u.disabled_at !== null,
    lastLoginAt: iso(u.last_login_at),
    createdAt: iso(u.created_at)!,
  };
}
