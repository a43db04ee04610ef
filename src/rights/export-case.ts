import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { getProfile } from '../profiles/load-profile.ts';
import type { Profile } from '../profiles/profile-schema.ts';
import { collectExport, type CaseExport } from './collect-export.ts';
import type { ExportLanguage } from './export-texts.ts';
import { renderExportHtml } from './render-export-html.ts';

export type ExportFormat = 'json' | 'html';

export type ExportFile = { fileName: string; contentType: string; body: string; data: CaseExport };

/**
 * The right of access (GDPR Art. 15): everything held about the person of a case, as JSON for
 * machines or as a readable HTML document in Dutch or English (default: the viewer's language).
 * Registrars only (`case:export`); audited as a read of personal data with purpose
 * 'data-subject-access'.
 */
export async function exportCase(ctx: Ctx, input: { id: string; format: ExportFormat; lang?: ExportLanguage }): Promise<ExportFile> {
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.id, 'export');
    const data = await collectExport(tx, row);
    const lang = input.lang ?? (await viewerLanguage(tx));
    await recordAudit(tx, {
      action: 'case.export',
      resourceType: 'case',
      resourceId: row.id,
      purpose: 'data-subject-access',
      details: { format: input.format, ...(input.format === 'html' ? { lang } : {}), signals: data.signals.length, notes: data.notes.length, documents: data.documents.items.length },
    });
    const base = `${row.case_number.replace(/[^A-Za-z0-9-]/g, '')}-export`;
    if (input.format === 'json') return { fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(data, null, 2), data };
    return { fileName: `${base}-${lang}.html`, contentType: 'text/html; charset=utf-8', body: renderExportHtml(data, lang, profileOrNull(row.profile_id, row.profile_version)), data };
  });
}

async function viewerLanguage(ctx: Ctx): Promise<ExportLanguage> {
  if (!ctx.actor.userId) return 'nl';
  const user = await ctx.db.selectFrom('users').select('locale').where('id', '=', ctx.actor.userId).executeTakeFirst();
  return user?.locale === 'en' ? 'en' : 'nl';
}

/** Labels come from the case's profile version; without it the codes themselves are shown. */
function profileOrNull(id: string, version: string): Profile | null {
  try {
    return getProfile(id, version);
  } catch {
    return null;
  }
}
