import { chinaDay } from '../common/china-time.js';
import { readColumn } from '../db/json-columns.js';
import { inVisibleDepartments } from '../access/department-scope.js';
import { authoriseStaff } from '../http/authorise.js';
import { ok, type Handlers } from '../http/operation.js';
import { localisedText } from './case-view.js';

/** At most this many open verifications in one answer, earliest due first. */
const listLimit = 200;

/** GET /commitment-verifications: the open 告知承诺 verifications of the caller's departments. */
export const verificationHandlers: Handlers<'listCommitmentVerifications'> = {
  async listCommitmentVerifications(ctx) {
    const principal = authoriseStaff(ctx, 'listCommitmentVerifications');
    const today = chinaDay(ctx.now);
    let select = inVisibleDepartments(
      ctx.db.selectFrom('cases').select(['number', 'details', 'verification_due']),
      principal,
      'case',
    ).where('verification_due', 'is not', null);
    if (ctx.request.query.overdue) select = select.where('verification_due', '<', today);
    const rows = await select.orderBy('verification_due').orderBy('number').limit(listLimit).execute();
    return ok({
      items: rows.map((row) => {
        const details = readColumn.caseDetails(row.details);
        const dueDate = row.verification_due ?? '';
        return {
          caseNumber: row.number,
          itemName: localisedText(details.itemName, ctx.locale),
          department: details.department,
          dueDate,
          overdue: today > dueDate,
        };
      }),
    });
  },
};
