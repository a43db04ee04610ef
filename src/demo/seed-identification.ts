import type { Ctx } from '../context.ts';

/** Demo data for identification (through the real operations; idempotence comes from seedDemo's marker). */
export async function seedIdentification(ctx: Ctx, users: Map<string, string>, orgs: Map<string, string>): Promise<Record<string, number>> {
  void ctx;
  void users;
  void orgs;
  return {};
}
