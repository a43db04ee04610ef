import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { verifyAuditChain } from '../../audit/verify-audit-chain.ts';
import { openForCli, runCommand } from '../open.ts';
import { progressBar } from '../progress.ts';

export function register(program: Command) {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain and report any altered or removed entry (exit code 1 if any)')
    .action(() =>
      runCommand(async () => {
        const services = await openForCli();
        try {
          const bar = progressBar('audit entries');
          const result = await verifyAuditChain(services.db, (done, total) => bar.update(done, total));
          bar.stop();
          if (result.ok) {
            process.stdout.write(`OK: ${result.entries} audit entries, chain intact (last hash ${result.lastHash.slice(0, 16)}…).\n`);
          } else {
            process.stdout.write(`BROKEN: ${result.problems.length} problem(s) in ${result.entries} entries:\n`);
            for (const p of result.problems.slice(0, 50)) process.stdout.write(`  entry ${p.seq}: ${p.problem}\n`);
            process.exitCode = 1;
          }
          await recordAudit({ ...services, actor: systemActor('cli'), origin: { ip: null, requestId: null } }, {
            action: 'audit.verify',
            resourceType: 'audit',
            outcome: result.ok ? 'ok' : 'failed',
            details: { entries: result.entries, problems: result.problems.length },
          });
        } finally {
          await services.database.close();
        }
      }),
    );
}
