import './figure-messages.js';
import { visibleDepartments } from '../../access/department-scope.js';
import { authoriseStaff } from '../../http/authorise.js';
import type { Schema } from '../../http/contract.js';
import { ok, type Handlers, type OperationContext } from '../../http/operation.js';
import { problems } from '../../http/problem.js';
import { figuresOf } from '../summary.js';
import { departmentNames, sumsByScope } from './scope-sums.js';

type Row = Schema<'EvaluationFiguresRow'>;

/** GET /evaluations/figures: the figures of every department, window or member of staff in a period. */
export const listFiguresHandlers: Handlers<'listEvaluationFigures'> = {
  async listEvaluationFigures(ctx) {
    const { by, department, from, to } = ctx.request.query;
    const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const scope = { ...(department ? { department } : {}), ...period };
    const summary = (sums: Parameters<typeof figuresOf>[0], extra: object = {}) => ({
      scope: { ...period, ...extra },
      ...figuresOf(sums),
    });
    let rows: Row[];
    if (by === 'staff') {
      rows = await staffRows(ctx, department, summary);
    } else if (by === 'department') {
      const sums = await sumsByScope(ctx.db, 'department', period);
      const kept = department ? sums.filter((row) => row.id === department) : sums;
      const names = await departmentNames(
        ctx.db,
        kept.map((row) => row.id),
      );
      rows = kept.map((row) => ({
        department: { id: row.id, name: names.get(row.id) ?? row.id },
        summary: summary(row.sums, { department: row.id }),
      }));
    } else {
      const sums = await sumsByScope(ctx.db, 'window', period);
      rows = sums.map((row) => ({ windowId: row.id, summary: summary(row.sums) }));
    }
    rows.sort((a, b) => b.summary.total - a.summary.total);
    return ok({ by, scope, rows });
  },
};

/**
 * The rows of members of staff: for staff and service accounts only, and only of the departments the
 * caller sees; asking for another department is answered as if it had no figures at all (404).
 */
async function staffRows(
  ctx: OperationContext<'listEvaluationFigures'>,
  department: string | undefined,
  summary: (sums: Parameters<typeof figuresOf>[0], extra?: object) => Row['summary'],
): Promise<Row[]> {
  const principal = authoriseStaff(ctx, 'listEvaluationFigures:staff');
  const visible = visibleDepartments(principal, 'evaluation');
  if (department && visible !== 'all' && !visible.includes(department))
    throw problems.notFound('problem.departmentNotFound', { id: department });
  const period = { from: ctx.request.query.from, to: ctx.request.query.to };
  const sums = await sumsByScope(ctx.db, 'staff', {
    ...period,
    within: department ? `${department}:` : undefined,
  });
  const rows = sums.flatMap(({ id, sums }) => {
    const split = id.indexOf(':');
    const departmentId = id.slice(0, split);
    if (visible !== 'all' && !visible.includes(departmentId)) return [];
    return [{ departmentId, staffId: id.slice(split + 1), sums }];
  });
  const names = await departmentNames(ctx.db, [...new Set(rows.map((row) => row.departmentId))]);
  return rows.map((row) => ({
    department: { id: row.departmentId, name: names.get(row.departmentId) ?? row.departmentId },
    staffId: row.staffId,
    summary: summary(row.sums, { department: row.departmentId }),
  }));
}
