import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { may, permissionOf, permissionTable, requirePermission } from '../../src/access/permissions.js';
import {
  requireDepartment,
  requireIndependentReviewer,
  visibleDepartments,
} from '../../src/access/department-scope.js';
import { ProblemError } from '../../src/http/problem.js';
import type { Principal, StaffPrincipal, StaffRole } from '../../src/identity/principal.js';

function staff(roles: StaffRole[], departments: string[]): StaffPrincipal {
  return { kind: 'staff', subject: 's', issuer: 'i', name: '王芳', roles, departments };
}

const resident: Principal = { kind: 'resident', subject: 'r', issuer: 'i', name: '张三', assurance: 3 };
const notFound = () => new ProblemError(404, 'case_lookup_failed');

function status(run: () => void): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ProblemError);
    return error.status;
  }
}

describe('the permission table', () => {
  it('lets the window accept and the approver approve, and not the other way round', () => {
    const clerk = staff(['windowClerk'], ['zjj']);
    const approver = staff(['approver'], ['zjj']);
    assert.equal(may(clerk, permissionOf('transitionCase', 'accept')!), true);
    assert.equal(may(clerk, permissionOf('transitionCase', 'approve')!), false);
    assert.equal(may(approver, permissionOf('transitionCase', 'approve')!), true);
    assert.equal(may(approver, permissionOf('transitionCase', 'accept')!), false);
  });

  it('keeps appeal decisions to reviewers and the audit log to admins', () => {
    assert.equal(may(staff(['supervisor'], ['zjj']), 'recordRectificationAction:acceptAppeal'), false);
    assert.equal(may(staff(['supervisor'], ['zjj']), 'recordRectificationAction:submitAppeal'), true);
    assert.equal(may(staff(['reviewer'], ['zwfw']), 'recordRectificationAction:rejectAppeal'), true);
    assert.equal(may(staff(['approver'], ['zjj']), 'listAuditRecords'), false);
    assert.equal(may(staff(['admin'], ['zwfw']), 'listAuditRecords'), true);
  });

  it('gives a resident no staff operation at all (403)', () => {
    for (const permission of Object.keys(permissionTable) as (keyof typeof permissionTable)[]) {
      assert.equal(
        status(() => requirePermission(resident, permission)),
        403,
        permission,
      );
    }
  });

  it('gives a service account the reads its scopes name, and never a move', () => {
    const platform: Principal = { kind: 'service', accountId: 'a1', name: '省平台', scopes: ['cases:read'] };
    assert.equal(may(platform, 'getCase'), true);
    assert.equal(may(platform, 'listEvaluations'), false);
    assert.equal(may(platform, 'transitionCase:accept'), false);
  });

  it('knows no operation it does not list', () => {
    assert.equal(permissionOf('transitionCase', 'teleport'), undefined);
    assert.equal(permissionOf('createCase'), undefined);
  });
});

describe('department scope', () => {
  it('answers another department’s case as not found (404), not forbidden', () => {
    const clerk = staff(['windowClerk'], ['zjj']);
    assert.equal(
      status(() => requireDepartment(clerk, 'zjj', 'case', notFound)),
      undefined,
    );
    assert.equal(
      status(() => requireDepartment(clerk, 'mzj', 'case', notFound)),
      404,
    );
    assert.equal(
      status(() => requireDepartment(resident, 'zjj', 'case', notFound)),
      404,
    );
    assert.deepEqual(visibleDepartments(clerk, 'case'), ['zjj']);
  });

  it('lets reviewers read every department’s evaluations but not its cases', () => {
    const reviewer = staff(['reviewer'], ['zwfw']);
    assert.equal(
      status(() => requireDepartment(reviewer, 'zjj', 'evaluation', notFound)),
      undefined,
    );
    assert.equal(
      status(() => requireDepartment(reviewer, 'zjj', 'case', notFound)),
      404,
    );
    assert.equal(visibleDepartments(reviewer, 'evaluation'), 'all');
  });

  it('lets only a reviewer outside the rated office decide its appeal', () => {
    assert.equal(
      status(() => requireIndependentReviewer(staff(['reviewer'], ['zwfw']), 'zjj')),
      undefined,
    );
    assert.equal(
      status(() => requireIndependentReviewer(staff(['reviewer'], ['zwfw', 'zjj']), 'zjj')),
      403,
    );
    assert.equal(
      status(() => requireIndependentReviewer(staff(['supervisor'], ['zwfw']), 'zjj')),
      403,
    );
  });
});
