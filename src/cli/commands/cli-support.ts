import { systemActor } from '../../access/actor.ts';
import type { OpenedServices } from '../../app-services.ts';
import type { AuditEntry } from '../../audit/record-audit.ts';
import type { Ctx } from '../../context.ts';

/** The CLI acts as the system actor "cli": an operator at the console, audited by that label. */
export function cliContext(services: OpenedServices): Ctx {
  return { ...services, actor: systemActor('cli'), origin: { ip: null, requestId: null } };
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/** Adapts an operation's progress reports to the shared bar (src/cli/progress.ts). */
export const report = (bar: { update(done: number, total: number): void }) => (p: { done: number; total: number }) => bar.update(p.done, p.total);

/**
 * Opens the services, runs the command, prints its summary line, and always closes the database.
 * A failure prints one clear line on stderr and sets exit code 1; with `auditFailure` it is also
 * recorded in the audit trail (best effort: the database may be what failed).
 */
export async function runWithServices(
  name: string,
  open: () => Promise<OpenedServices>,
  run: (services: OpenedServices, ctx: Ctx) => Promise<string>,
  auditFailure?: Omit<AuditEntry, 'outcome' | 'details'>,
): Promise<void> {
  let services: OpenedServices | null = null;
  try {
    services = await open();
    const summary = await run(services, cliContext(services));
    process.stdout.write(`${summary}\n`);
  } catch (e) {
    process.stderr.write(`baken ${name}: ${messageOf(e)}\n`);
    process.exitCode = 1;
    if (services && auditFailure) {
      // Loaded here: the audit layer is the heaviest import of a command that may never need it.
      const { recordAudit } = await import('../../audit/record-audit.ts');
      await recordAudit(cliContext(services), { ...auditFailure, outcome: 'failed', details: { error: messageOf(e) } }).catch(() => {});
    }
  } finally {
    await services?.database.close();
  }
}
