import { systemActor } from '../access/actor.ts';
import type { AppServices, Ctx } from '../context.ts';
import { secondFactorRequired } from '../identity/second-factor-policy.ts';
import { sealTotpSecret } from '../identity/user-secrets.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { createUser } from '../users/create-user.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { seedIdentification } from './seed-identification.ts';
import { seedOutreachAds } from './seed-outreach-ads.ts';
import { seedOutreachContacts } from './seed-outreach-contacts.ts';
import { seedReferralMechanism } from './seed-referral-mechanism.ts';
import { seedRights } from './seed-rights.ts';
import { seedWorkspace } from './seed-workspace.ts';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from './demo-directory.ts';

export type DemoReport = { seeded: boolean; organisations: number; users: number; signals?: number; cases?: number; referrals?: number; outreachAds?: number; outreachClusters?: number; outreachContacts?: number; outreachTemplates?: number };

/**
 * Seeds the demo: organisations of every type and one user per role. Idempotent: does nothing when
 * the demo's focal point already exists.
 */
export async function seedDemo(services: AppServices): Promise<DemoReport> {
  const ctx: Ctx = { ...services, actor: systemActor('demo-seed'), origin: { ip: null, requestId: null } };
  const marker = await ctx.db.selectFrom('organisations').select('id').where('name', '=', DEMO_ORGANISATIONS[0]!.name).executeTakeFirst();
  if (marker) return { seeded: false, organisations: 0, users: 0 };

  return ctx.db.transaction().execute(async (db) => {
    const tx: Ctx = { ...ctx, db };
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) orgIds.set(o.key, (await createOrganisation(tx, { name: o.name, type: o.type, region: o.region })).id);
    const roles = new Map((await db.selectFrom('roles').select(['id', 'sees_personal_data']).execute()).map((r) => [r.id, r.sees_personal_data]));
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await createUser(tx, { email: u.email, displayName: u.name, organisationId: orgIds.get(u.organisation)!, roleId: u.role, password: DEMO_PASSWORD });
      userIds.set(u.email, user.id);
      if (secondFactorRequired(services.config, roles.get(u.role) ?? true)) {
        await db
          .updateTable('users')
          .set({ totp_secret: sealTotpSecret(services.keyring, user.id, DEMO_TOTP_SECRET, 'totp_secret'), totp_enabled_at: services.clock.now() })
          .where('id', '=', user.id)
          .execute();
      }
    }
    const nrm = {
      ...(await seedReferralMechanism(tx, userIds, orgIds)),
      ...(await seedIdentification(tx, userIds, orgIds)),
      ...(await seedWorkspace(tx, userIds, orgIds)),
      ...(await seedRights(tx, userIds, orgIds)),
    };
    const corpus = await seedOutreachAds(tx);
    const outreach = { outreachAds: corpus.ads, outreachClusters: corpus.clusters, ...(await seedOutreachContacts(tx, userIds)) };
    await recordAudit(tx, { action: 'demo.seed', resourceType: 'system', details: { organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length, ...nrm, ...outreach } });
    return { seeded: true, organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length, ...nrm, ...outreach };
  });
}
