import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { chinaTime } from '../common/china-time.js';
import { newId } from '../common/ids.js';
import { readColumn, type UploadExtra } from '../db/json-columns.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import { ok, type Handlers, type OperationContext } from '../http/operation.js';
import { ProblemError, problems } from '../http/problem.js';
import { acceptedMediaTypes, detectMediaType } from './content-type.js';
import { inspectUpload } from './inspect.js';
import { assertMayRead, uploadCaller, type UploadCaller } from './access.js';

const uploadLifetimeMs = 7 * 24 * 3_600_000;

interface ParsedUpload {
  bytes: Uint8Array;
  name: string;
  itemCode?: string;
  materialId?: string;
}

type UploadContext = OperationContext<'createUpload'>;

const parsedUploads = new WeakMap<UploadContext, ParsedUpload>();
const uploadCallers = new WeakMap<UploadContext, UploadCaller>();

/**
 * A file name as shown: the last path segment, without control and format characters (bidirectional
 * overrides that disguise `exe.pdf` as `fdp.exe`) or markup characters, at most 200 characters.
 */
function cleanName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...last.replace(/[\p{Cc}\p{Cf}\p{Cs}<>"'`&]/gu, '')].slice(0, 200).join('').trim();
  return cleaned || 'upload';
}

async function parseUpload(ctx: UploadContext): Promise<ParsedUpload> {
  const cached = parsedUploads.get(ctx);
  if (cached) return cached;
  let form: FormData;
  try {
    form = await ctx.c.req.formData();
  } catch {
    throw problems.validation([{ pointer: '', code: 'type', messageKey: 'validation.multipart' }]);
  }
  const errors = [];
  const file = form.get('file');
  if (!(file instanceof File))
    errors.push({ pointer: '/file', code: 'required', messageKey: 'validation.file' });
  const fields: Record<string, string | undefined> = {};
  for (const name of ['itemCode', 'materialId']) {
    const value = form.get(name);
    if (value !== null && typeof value !== 'string')
      errors.push({
        pointer: `/${name}`,
        code: 'type',
        messageKey: 'validation.type',
        params: { expected: 'string' },
      });
    fields[name] = typeof value === 'string' ? value : undefined;
  }
  for (const key of form.keys()) {
    if (!['file', 'itemCode', 'materialId'].includes(key)) {
      errors.push({
        pointer: `/${key}`,
        code: 'additionalProperties',
        messageKey: 'validation.additionalProperties',
        params: { property: key },
      });
    }
  }
  if (errors.length > 0) throw problems.validation(errors);
  // The text fields follow the document's schema for them.
  const schema = ctx.operation.requestBody?.content['multipart/form-data'];
  if (schema) {
    const found = ctx.services.validateValue(
      schema,
      { file: 'binary', ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) },
      '',
    );
    if (found.length > 0) throw problems.validation(found);
  }
  const blob = file as File;
  if (blob.size === 0)
    throw problems.validation([{ pointer: '/file', code: 'minLength', messageKey: 'problem.uploadEmpty' }]);
  if (blob.size > ctx.services.uploadLimitBytes) {
    throw new ProblemError(413, 'payload_too_large', {
      detailKey: 'validation.fileSize',
      params: { limit: ctx.services.uploadLimitBytes },
    });
  }
  const parsed = {
    bytes: new Uint8Array(await blob.arrayBuffer()),
    name: cleanName(blob.name),
    itemCode: fields.itemCode,
    materialId: fields.materialId,
  };
  parsedUploads.set(ctx, parsed);
  return parsed;
}

/** The material's own limits, when the upload names an item and a material of its form. */
async function materialLimits(db: Transaction<DatabaseSchema>, itemCode: string, materialId: string) {
  const item = await db
    .selectFrom('items')
    .select(['form', 'document'])
    .where('code', '=', itemCode)
    .executeTakeFirst();
  if (!item)
    throw problems.validation(
      [
        {
          pointer: '/itemCode',
          code: 'not_found',
          messageKey: 'problem.itemNotFound',
          params: { code: itemCode },
        },
      ],
      422,
    );
  const materials: { id: string; accept?: string[]; maxBytes?: number }[] = [
    ...(readColumn.itemForm(item.form)?.materials ?? []),
    ...(readColumn.itemDocument(item.document).materials ?? []),
  ];
  const material = materials.find((m) => m.id === materialId);
  if (!material)
    throw problems.validation(
      [{ pointer: '/materialId', code: 'enum', messageKey: 'validation.unknownMaterial' }],
      422,
    );
  return material;
}

/** The API's `Upload`. */
export function uploadView(row: {
  id: string;
  filename: string | null;
  size: number;
  media_type: string;
  sha256: string;
  extra: unknown;
  created_at: Date;
}): Schema<'Upload'> {
  const extra = readColumn.uploadExtra(row.extra);
  return {
    id: row.id,
    name: row.filename ?? 'upload',
    size: Number(row.size),
    mediaType: row.media_type,
    sha256: row.sha256,
    contentCheck: { status: 'passed', checkedAt: extra.checkedAt },
    ...(extra.itemCode ? { itemCode: extra.itemCode } : {}),
    ...(extra.materialId ? { materialId: extra.materialId } : {}),
    createdAt: chinaTime(row.created_at),
    expiresAt: extra.expiresAt,
  };
}

/** Files handed in for an application's materials. */
export const uploadHandlers: Handlers<'createUpload' | 'getUpload'> = {
  createUpload: {
    idempotent: true,
    async authorise(ctx) {
      // The credential first: nobody's bytes are read, counted or stored without one.
      const caller = uploadCaller(ctx, 'createUpload');
      const upload = await parseUpload(ctx);
      if (caller.kind === 'session') {
        if (upload.itemCode && upload.itemCode !== caller.session.itemCode)
          throw new ProblemError(403, 'forbidden', { detailKey: 'problem.formSessionOtherItem' });
        const { storage, uploadQuota } = ctx.services;
        uploadQuota.assertSpace(await storage.freeBytes?.(), upload.bytes.length);
        await uploadQuota.reserve(caller.session.id, ctx.client, upload.bytes.length);
      }
      uploadCallers.set(ctx, caller);
    },
    async fingerprint(ctx) {
      const upload = await parseUpload(ctx);
      return {
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        name: upload.name,
        itemCode: upload.itemCode,
        materialId: upload.materialId,
      };
    },
    async run(ctx, trx) {
      const upload = await parseUpload(ctx);
      const caller = uploadCallers.get(ctx);
      // The content decides the type; the name and the declared type are never trusted.
      const mediaType = await detectMediaType(upload.bytes);
      let accepted: readonly string[] = acceptedMediaTypes;
      let maxBytes = ctx.services.uploadLimitBytes;
      if (upload.itemCode && upload.materialId) {
        const material = await materialLimits(trx, upload.itemCode, upload.materialId);
        if (material.accept?.length)
          accepted = material.accept.filter((type) =>
            (acceptedMediaTypes as readonly string[]).includes(type),
          );
        if (material.maxBytes) maxBytes = Math.min(maxBytes, material.maxBytes);
      } else if (upload.itemCode || upload.materialId) {
        const missing = upload.itemCode ? 'materialId' : 'itemCode';
        throw problems.validation([
          {
            pointer: `/${missing}`,
            code: 'required',
            messageKey: 'validation.required',
            params: { property: missing },
          },
        ]);
      }
      if (!mediaType || !accepted.includes(mediaType)) {
        throw new ProblemError(415, 'unsupported_media_type', {
          detailKey: 'validation.fileType',
          params: { accepted: accepted.join(', ') },
          errors: [
            {
              pointer: '/file',
              code: 'upload_rejected',
              messageKey: 'validation.fileType',
              params: { accepted: accepted.join(', ') },
            },
          ],
        });
      }
      inspectUpload(upload.bytes, mediaType);
      if (upload.bytes.length > maxBytes) {
        throw new ProblemError(413, 'payload_too_large', {
          detailKey: 'validation.fileSize',
          params: { limit: maxBytes },
        });
      }
      const id = newId('up');
      const now = ctx.now;
      const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
      await ctx.services.storage.put(id, upload.bytes, trx);
      const extra: UploadExtra = {
        ...(upload.itemCode ? { itemCode: upload.itemCode, materialId: upload.materialId } : {}),
        expiresAt: chinaTime(new Date(now.getTime() + uploadLifetimeMs)),
        checkedAt: chinaTime(now),
        ...(caller?.kind === 'session' ? { formSession: caller.session.id } : {}),
      };
      const row = await trx
        .insertInto('uploads')
        .values({
          id,
          media_type: mediaType,
          size: upload.bytes.length,
          sha256,
          filename: upload.name,
          storage_key: id,
          case_number: null,
          extra: JSON.stringify(extra),
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { status: 201, body: uploadView(row), headers: { Location: `/api/v1/uploads/${id}` } };
    },
  },

  async getUpload(ctx) {
    const caller = uploadCaller(ctx, 'getUpload');
    const id = ctx.request.path.uploadId;
    const row = await ctx.db
      .selectFrom('uploads')
      .leftJoin('cases', 'cases.number', 'uploads.case_number')
      .selectAll('uploads')
      .select('cases.department_id')
      .where('uploads.id', '=', id)
      .executeTakeFirst();
    if (!row) throw problems.notFound('problem.uploadNotFound');
    assertMayRead(caller, readColumn.uploadExtra(row.extra), row.department_id);
    return ok(uploadView(row));
  },
};
