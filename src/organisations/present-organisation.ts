export type OrganisationRow = { id: string; name: string; type: string; region: string | null; active: boolean; created_at: Date | string };

export function presentOrganisation(o: OrganisationRow, userCount?: number) {
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    region: o.region,
    active: o.active,
    createdAt: new Date(o.created_at).toISOString(),
    ...(userCount === undefined ? {} : { userCount }),
  };
}
