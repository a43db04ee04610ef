import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors/catalogue.ts';
import { hashPassword } from '../identity/passwords.ts';
import { presentUser } from './present-user.ts';
import { selectUsers } from './user-query.ts';

export type CreateUserInput = { email: string; displayName: string; organisationId: string; roleId: string; password: string };

export async function createUser(ctx: Ctx, input: CreateUserInput) {
  assertCan(ctx.actor, 'create', 'user');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const org = await tx.db.selectFrom('organisations').select(['id', 'active']).where('id', '=', input.organisationId).executeTakeFirst();
    if (!org) throw invalid('body.organisationId', 'No such organisation.');
    if (!org.active) throw invalid('body.organisationId', 'The organisation is deactivated.');
    const role = await tx.db.selectFrom('roles').select('id').where('id', '=', input.roleId).executeTakeFirst();
    if (!role) throw invalid('body.roleId', 'No such role.');
    const email = input.email.trim().toLowerCase();
    const clash = await tx.db.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
    if (clash) throw conflict('A user with this e-mail address already exists.', 'body.email');
    const { id } = await tx.db
      .insertInto('users')
      .values({
        email,
        display_name: input.displayName.trim(),
        organisation_id: input.organisationId,
        role_id: input.roleId,
        password_hash: passwordHash,
        created_at: tx.clock.now(),
        totp_secret: null,
        totp_pending_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        locked_until: null,
        disabled_at: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'user.create', resourceType: 'user', resourceId: id, purpose: 'administration', details: { roleId: input.roleId, organisationId: input.organisationId } });
    const row = await selectUsers(tx.db).where('users.id', '=', id).executeTakeFirstOrThrow();
    return presentUser(row, tx.clock.now());
  });
}
