import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError, invalid, notFound } from '../errors/catalogue.ts';
import { presentUser } from './present-user.ts';
import { selectUsers } from './user-query.ts';

export type UpdateUserInput = {
  id: string;
  displayName?: string;
  roleId?: string;
  disabled?: boolean;
  unlock?: true;
  resetSecondFactor?: true;
};

/**
 * Administrative changes to an account. Disabling, a role change and a second-factor reset end
 * the user's sessions, so the change takes effect at once.
 */
export async function updateUser(ctx: Ctx, input: UpdateUserInput) {
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db.selectFrom('users').select(['id', 'organisation_id', 'role_id']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such user.');
    assertCan(tx.actor, 'update', { type: 'user', organisationId: current.organisation_id, ownerUserId: current.id });
    if (input.disabled === true && current.id === tx.actor.userId) throw new DomainError('CONFLICT', 'You cannot disable your own account.');
    if (input.roleId !== undefined) {
      const role = await tx.db.selectFrom('roles').select('id').where('id', '=', input.roleId).executeTakeFirst();
      if (!role) throw invalid('body.roleId', 'No such role.');
    }
    const now = tx.clock.now();
    const changes = {
      ...(input.displayName !== undefined ? { display_name: input.displayName.trim() } : {}),
      ...(input.roleId !== undefined ? { role_id: input.roleId } : {}),
      ...(input.disabled !== undefined ? { disabled_at: input.disabled ? now : null } : {}),
      ...(input.unlock ? { locked_until: null, failed_logins: 0 } : {}),
      ...(input.resetSecondFactor ? { totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null } : {}),
    };
    if (Object.keys(changes).length > 0) await tx.db.updateTable('users').set(changes).where('id', '=', input.id).execute();
    if (input.resetSecondFactor) await tx.db.deleteFrom('recovery_codes').where('user_id', '=', input.id).execute();
    const endSessions = input.disabled === true || input.resetSecondFactor === true || (input.roleId !== undefined && input.roleId !== current.role_id);
    if (endSessions) await tx.db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', input.id).where('revoked_at', 'is', null).execute();
    const changed = Object.keys(input).filter((k) => k !== 'id');
    await recordAudit(tx, { action: 'user.update', resourceType: 'user', resourceId: input.id, purpose: 'administration', details: { changed, roleId: input.roleId, sessionsEnded: endSessions } });
    return presentUser(await selectUsers(tx.db).where('users.id', '=', input.id).executeTakeFirstOrThrow(), now);
  });
}
