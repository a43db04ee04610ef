import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, RecordScope } from '../src/access/actor.ts';
import { anonymousActor } from '../src/access/actor.ts';
import { assertCan, can } from '../src/access/can.ts';

const actor = (scope: RecordScope, grants: string[], ids = { userId: 'u1', organisationId: 'o1' }): Actor => ({
  kind: 'user', organisationType: null, roleId: 'r', scope, seesPersonalData: true, grants: new Set(grants), label: 'test', ...ids,
});

describe('can()', () => {
  it('denies by default: without the grant nothing is allowed, whatever the scope or record', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<RecordScope>('own', 'organisation', 'assigned', 'all'),
        fc.array(fc.constantFrom('user:list', 'user:read', 'organisation:update', 'audit:list')),
        fc.record({ ownerUserId: fc.option(fc.constantFrom('u1', 'u2')), organisationId: fc.option(fc.constantFrom('o1', 'o2')) }),
        (scope, grants, rec) => {
          const a = actor(scope, grants); // none of the generated grants is case:read
          expect(can(a, 'read', { type: 'case', ...rec })).toBe(false);
        },
      ),
    );
  });

  it('applies record scope', () => {
    const rec = { type: 'user', ownerUserId: 'u2', organisationId: 'o2', assignedOrganisationIds: ['o1'] };
    expect(can(actor('all', ['user:read']), 'read', rec)).toBe(true);
    expect(can(actor('organisation', ['user:read']), 'read', rec)).toBe(false);
    expect(can(actor('organisation', ['user:read']), 'read', { ...rec, organisationId: 'o1' })).toBe(true);
    expect(can(actor('assigned', ['user:read']), 'read', rec)).toBe(true);
    expect(can(actor('assigned', ['user:read']), 'read', { ...rec, assignedOrganisationIds: [] })).toBe(false);
    expect(can(actor('own', ['user:read']), 'read', rec)).toBe(false);
    expect(can(actor('own', ['user:read']), 'read', { ...rec, ownerUserId: 'u1' })).toBe(true);
  });

  it('never lets the anonymous actor do anything', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (action, type) => !can(anonymousActor(), action, type)));
  });

  it('answers a denied record as not found and a denied collection as forbidden', () => {
    const a = actor('own', ['user:read', 'user:list']);
    expect(() => assertCan(a, 'read', { type: 'user', ownerUserId: 'someone-else' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => assertCan(a, 'create', 'user')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertCan(a, 'list', 'user')).not.toThrow();
  });
});
