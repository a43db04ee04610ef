import crypto from 'node:crypto';
import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import type { Ctx } from '../../context.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '../../identity/organisation-types.ts';
import { createOrganisation } from '../../organisations/create-organisation.ts';
import { createUser } from '../../users/create-user.ts';
import { openForCli, runCommand } from '../open.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function register(program: Command) {
  const user = program.command('user').description('manage staff accounts');
  user
    .command('create')
    .description('create a user (e.g. the first administrator of a new installation)')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'role id, e.g. administrator, registrar')
    .requiredOption('--organisation <name>', 'organisation name (created when --organisation-type is given and it does not exist)')
    .option('--organisation-type <type>', `type for a new organisation: ${ORGANISATION_TYPES.join(', ')}`)
    .option('--password-stdin', 'read the initial password from standard input instead of generating one')
    .action((opts: { email: string; name: string; role: string; organisation: string; organisationType?: string; passwordStdin?: boolean }) =>
      runCommand(async () => {
        if (opts.organisationType && !(ORGANISATION_TYPES as readonly string[]).includes(opts.organisationType)) {
          throw new Error(`--organisation-type must be one of: ${ORGANISATION_TYPES.join(', ')}`);
        }
        const password = opts.passwordStdin ? await readStdin() : crypto.randomBytes(15).toString('base64url');
        const services = await openForCli();
        try {
          const ctx: Ctx = { ...services, actor: systemActor('cli'), origin: { ip: null, requestId: null } };
          const created = await services.db.transaction().execute(async (db) => {
            const tx = { ...ctx, db };
            let org = await db.selectFrom('organisations').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', opts.organisation.toLowerCase())).executeTakeFirst();
            if (!org) {
              if (!opts.organisationType) throw new Error(`No organisation named "${opts.organisation}"; add --organisation-type to create it.`);
              org = await createOrganisation(tx, { name: opts.organisation, type: opts.organisationType as OrganisationType });
            }
            return createUser(tx, { email: opts.email, displayName: opts.name, organisationId: org.id, roleId: opts.role, password });
          });
          process.stdout.write(`Created ${created.email} (${created.role.name}, ${created.organisation.name}).\n`);
          if (!opts.passwordStdin) process.stdout.write(`Initial password (shown once): ${password}\n`);
        } finally {
          await services.database.close();
        }
      }),
    );
}
