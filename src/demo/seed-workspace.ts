import { loadActor } from '../access/load-actor.ts';
import type { Ctx } from '../context.ts';
import type { Visibility } from '../db/schema.ts';
import { uploadDocument } from '../workspace/documents/upload-document.ts';
import { writeNote } from '../workspace/notes/write-note.ts';
import { createTask } from '../workspace/tasks/create-task.ts';

const DAY = 86_400_000;

/** A one-page PDF with a line of text (built by hand, with a correct cross-reference table). */
function demoPdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 12 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * The demo's case workspace, through the real operations acting as demo users in the past: on the
 * case with an accepted shelter referral, notes of every visibility level by the registrar and by the
 * shelter (so the shelter user sees the "involved" note but not the registrar's "organisation" one),
 * two small documents and a task for the registrar. Everything is invented.
 */
export async function seedWorkspace(ctx: Ctx, users: Map<string, string>, orgs: Map<string, string>): Promise<Record<string, number>> {
  const base = ctx.clock.now().getTime();
  const as = async (email: string, daysAgo: number): Promise<Ctx> => ({
    ...ctx,
    actor: (await loadActor(ctx.db, users.get(email)!))!,
    clock: { now: () => new Date(base - daysAgo * DAY) },
  });
  const registrar = 'registrar@baken.example';
  const shelter = 'service-provider@baken.example';
  const referral = await ctx.db
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .select(['referrals.case_id'])
    .where('referrals.organisation_id', '=', orgs.get('shelter')!)
    .where('referrals.type', '=', 'shelter')
    .where('referrals.status', '=', 'accepted')
    .where('cases.status', '=', 'open')
    .orderBy('referrals.requested_at')
    .executeTakeFirst();
  if (!referral) return { notes: 0, documents: 0, tasks: 0 };
  const caseId = referral.case_id;

  const notes: [string, number, Visibility, string][] = [
    [registrar, 56, 'organisation', 'Intern: plek in de opvang geregeld via de landelijke coördinatie. Terugkoppeling aan de politie pas na overleg met haar.'],
    [registrar, 55, 'involved', 'Intakegesprek in de opvang op dinsdag om 10:00. Ze spreekt goed Engels; geen tolk nodig.'],
    [registrar, 54, 'registrar', 'Alleen informatiepunt: mogelijk verband met een eerder signaal uit Rotterdam; nog niet gedeeld met partners.'],
    [shelter, 50, 'organisation', 'Bewoonster slaapt slecht; huisarts van de opvang is ingeschakeld.'],
    [shelter, 40, 'involved', 'Het gaat beter. Ze wil graag Nederlandse les volgen; aanmelding loopt.'],
  ];
  for (const [who, daysAgo, visibility, body] of notes) await writeNote(await as(who, daysAgo), { caseId, visibility, body });

  await uploadDocument(await as(registrar, 55), {
    caseId,
    documentType: 'correspondence',
    visibility: 'involved',
    fileName: 'bevestiging-opvangplek.pdf',
    mediaType: 'application/pdf',
    bytes: demoPdf('Bevestiging opvangplek - demodocument, alle gegevens zijn verzonnen.'),
  });
  await uploadDocument(await as(shelter, 45), {
    caseId,
    documentType: 'other',
    visibility: 'organisation',
    fileName: 'intakeverslag-opvang.txt',
    mediaType: 'text/plain',
    bytes: Buffer.from('Intakeverslag (demo)\n\nAfspraken: huisarts, taalles, wekelijks gesprek met de mentor.\nAlle gegevens zijn verzonnen.\n', 'utf8'),
  });

  const inFive = new Date(base + 5 * DAY).toISOString().slice(0, 10);
  await createTask(await as(registrar, 1), {
    caseId,
    kind: 'review-case',
    assignee: { userId: users.get(registrar)! },
    dueDate: inFive,
    note: 'Check with the shelter whether the language course has started.',
  });
  return { notes: notes.length, documents: 2, tasks: 1 };
}
