import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { completeTask } from '../../clocks/complete-task.ts';
import { listCaseClocks } from '../../clocks/list-case-clocks.ts';
import { listDueClocks } from '../../clocks/list-due-clocks.ts';
import { listTasks } from '../../clocks/list-tasks.ts';
import { assignedTask, task } from '../nrm-schemas.ts';
import { errors, uuidParam } from '../schemas.ts';

const label = z.record(z.string(), z.string()).nullable();
const subject = z.object({ type: z.string(), id: z.string() }).nullable();
const at = z.string();
const clockState = z.enum(['running', 'paused', 'stopped', 'expired', 'completed']);
const clockKind = z.enum(['deadline', 'period', 'minimum-period']);

const clock = z.object({
  id: z.string(),
  code: z.string(),
  label,
  kind: clockKind,
  state: clockState,
  profile: z.object({ id: z.string(), version: z.string() }),
  caseId: z.string().nullable(),
  signalId: z.string().nullable(),
  subject,
  startedAt: at,
  dueAt: at,
  pausedAt: at.nullable(),
  pausedMs: z.number(),
  nextWarningAt: at.nullable(),
  overdueAt: at.nullable(),
  escalatedAt: at.nullable(),
  endedAt: at.nullable(),
  history: z.array(z.object({ at, what: z.string(), by: z.string(), details: z.record(z.string(), z.unknown()) })),
});

const dashboard = z.object({
  from: at,
  until: at,
  totals: z.object({ dueThisWeek: z.number(), overdue: z.number() }),
  organisations: z.array(z.object({ organisationId: z.string().nullable(), organisationName: z.string().nullable(), dueThisWeek: z.number(), overdue: z.number() })),
  items: z.array(
    z.object({
      clockId: z.string(),
      code: z.string(),
      label,
      kind: clockKind,
      caseId: z.string().nullable(),
      caseNumber: z.string().nullable(),
      signalId: z.string().nullable(),
      signalNumber: z.string().nullable(),
      subject,
      dueAt: at,
      overdue: z.boolean(),
      escalated: z.boolean(),
      organisationIds: z.array(z.string().nullable()),
    }),
  ),
});

/** Legal clocks (profile-driven deadlines and periods) and the tasks their escalations create. */
export async function clockRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['clocks'];

  app.get('/api/clocks/dashboard', {
    schema: { summary: 'Clocks overdue and due in the next 7 days, with counts per organisation', tags, response: { 200: dashboard, ...errors(401, 403) } },
  }, async (request) => listDueClocks(request.ctx));

  app.get('/api/cases/:id/clocks', {
    schema: { summary: "A case's clocks with their history", tags, params: uuidParam, response: { 200: z.object({ items: z.array(clock) }), ...errors(400, 401, 403, 404) } },
  }, async (request) => listCaseClocks(request.ctx, { caseId: request.params.id }));

  app.get('/api/tasks', {
    schema: {
      summary: "Tasks for the viewer's role and organisation and those assigned to the viewer personally (all tasks for registrars); mine=true: only the personal ones",
      tags,
      querystring: z.strictObject({
        status: z.enum(['open', 'done', 'all']).optional(),
        mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        caseId: z.uuid('must be a UUID').optional(),
      }),
      response: { 200: z.object({ items: z.array(assignedTask) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listTasks(request.ctx, request.query));

  app.post('/api/tasks/:id/complete', {
    schema: { summary: 'Mark a task done (no body)', tags, params: uuidParam, response: { 200: task, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => completeTask(request.ctx, { id: request.params.id }));
}
