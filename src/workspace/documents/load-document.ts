import type { Ctx } from '../../context.ts';
import { loadCase, type CaseAccess } from '../../cases/case-access.ts';
import { notFound } from '../../errors/catalogue.ts';
import { maySeeDocument, type DocumentRow } from './present-document.ts';

/**
 * A document the viewer may see, with the access to its case. A document of a case the viewer may
 * not open, or one hidden from the viewer by its visibility, is NOT_FOUND, exactly like a missing one.
 */
export async function loadDocument(ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}): Promise<{ document: DocumentRow; access: CaseAccess }> {
  const document = await ctx.db.selectFrom('case_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!document) throw notFound();
  const access = await loadCase(ctx, document.case_id, 'read', opts);
  if (!maySeeDocument(ctx.actor, document, access.visible)) throw notFound();
  if (!opts.forUpdate) return { document, access };
  const locked = await ctx.db.selectFrom('case_documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return { document: locked, access };
}
