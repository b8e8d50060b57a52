import { auditStaff } from '../audit/staff-audit.js';
import type { OperationHandler } from '../http/operation.js';
import { consultationNotFound, loadConsultation } from './access.js';

/** A file name for `Content-Disposition`, UTF-8 and percent-encoded (RFC 6266), never markup or a path. */
function disposition(name: string | null): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name ?? 'attachment')}`;
}

/**
 * The file a question carries, for staff of its department: the bytes as stored, to be saved rather
 * than shown in the page, and the read recorded under the member of staff's name.
 */
export const getConsultationAttachment: OperationHandler<'getConsultationAttachment'> = async (ctx) => {
  const { row, principal } = await loadConsultation(
    { ...ctx, request: { ...ctx.request, headers: {} } },
    ctx.db,
    ctx.request.path.consultationNumber,
    { staff: 'getConsultationAttachment', staffOnly: true },
  );
  const upload = row.upload_id
    ? await ctx.db
        .selectFrom('uploads')
        .select(['id', 'storage_key', 'media_type', 'filename'])
        .where('id', '=', row.upload_id)
        .executeTakeFirst()
    : undefined;
  const bytes = upload && (await ctx.services.storage.get(upload.storage_key));
  if (!upload || !bytes) throw consultationNotFound();
  await auditStaff(ctx.db, ctx, principal!, {
    action: 'pii.reveal',
    operation: 'getConsultationAttachment',
    target: { type: 'consultation', id: row.number },
    departmentId: row.department_id,
    detail: { uploadId: upload.id },
  });
  return {
    status: 200,
    body: bytes,
    headers: {
      'content-type': upload.media_type,
      'Content-Disposition': disposition(upload.filename),
      'X-Content-Type-Options': 'nosniff',
    },
  };
};
