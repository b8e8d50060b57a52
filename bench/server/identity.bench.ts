// Costs of identity and accountability: SM4-CTR + HMAC-SM3 of the personal fields of one case write
// (and the read back), and `audit verify` over a long audit log (1,000,000 records by default,
// BANSHI_BENCH_AUDIT_RECORDS), plus appends per second, on a PGlite data folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../packages/server/src/db/database.js';
import {
  appendAudit,
  recordHash,
  rowOf,
  type AuditRecord,
} from '../../packages/server/src/audit/audit-log.js';
import { verifyAuditChain } from '../../packages/server/src/audit/verify.js';
import { PiiCipher } from '../../packages/server/src/security/pii-cipher.js';
import { percentile, writeResult, type ResultRow } from './support.js';

const rows: ResultRow[] = [];

// The personal fields of one application (公共租赁住房申请) as a case stores them.
const applicant = { name: '张丽', idNumber: '150302199001011231', mobile: '13947312345' };
const address = '内蒙古自治区乌海市海勃湾区黄河东街 29 号 3 单元 502 室';
const formData = JSON.stringify({
  applicant: { name: '张丽', idNumber: applicant.idNumber, employer: '乌海市某某商贸有限公司', income: 3200 },
  household: Array.from({ length: 4 }, (_, i) => ({
    name: `家庭成员${i}`,
    relation: '子女',
    idNumber: applicant.idNumber,
  })),
  currentHousing: 'rented',
  remarks: '申请人目前租住在黄河东街，房租占收入比例较高。'.repeat(4),
});
const cipher = new PiiCipher([randomBytes(32)]);
function caseWrite() {
  return {
    name: cipher.encrypt(applicant.name, 'cases.applicant_name'),
    idNumber: cipher.encrypt(applicant.idNumber, 'cases.applicant_id_number'),
    mobile: cipher.encrypt(applicant.mobile, 'cases.applicant_mobile'),
    address: cipher.encrypt(address, 'cases.delivery_address'),
    form: cipher.encrypt(formData, 'cases.form_data'),
    idIndex: cipher.blindIndex(applicant.idNumber, 'applicant.idNumber'),
    mobileIndex: cipher.blindIndex(applicant.mobile, 'applicant.mobile'),
  };
}
for (let i = 0; i < 2000; i += 1) caseWrite(); // warm up
const writes: number[] = [];
let sealed = caseWrite();
for (let i = 0; i < 20_000; i += 1) {
  const started = performance.now();
  sealed = caseWrite();
  writes.push(performance.now() - started);
}
const reads: number[] = [];
for (let i = 0; i < 20_000; i += 1) {
  const started = performance.now();
  cipher.decrypt(sealed.name, 'cases.applicant_name');
  cipher.decrypt(sealed.idNumber, 'cases.applicant_id_number');
  cipher.decrypt(sealed.mobile, 'cases.applicant_mobile');
  cipher.decrypt(sealed.address, 'cases.delivery_address');
  cipher.decrypt(sealed.form, 'cases.form_data');
  reads.push(performance.now() - started);
}
const micro = (ms: number) => +(ms * 1000).toFixed(1);
rows.push(
  {
    name: `SM4-CTR + HMAC-SM3 of one case write (5 fields, ${formData.length} chars of form data, 2 blind indexes), median`,
    value: micro(percentile(writes, 50)),
    unit: 'µs',
  },
  { name: 'the same, p95', value: micro(percentile(writes, 95)), unit: 'µs' },
  {
    name: 'verify + decrypt of the same 5 fields (a case read), median',
    value: micro(percentile(reads, 50)),
    unit: 'µs',
  },
);

const count = Number(process.env.BANSHI_BENCH_AUDIT_RECORDS ?? 1_000_000);
const folder = mkdtempSync(join(tmpdir(), 'banshi-bench-audit-'));
const database = await openDatabase({ dataDir: join(folder, 'pglite') });
try {
  // Appends one at a time, as requests make them (each its own transaction and head lock).
  const appendCount = 2000;
  let started = performance.now();
  for (let i = 0; i < appendCount; i += 1) {
    await appendAudit(database.db, {
      actor: { kind: 'staff', id: 'https://id.example#s-1', name: '王芳' },
      departmentId: '150302-zjj',
      action: 'staff.action',
      outcome: 'success',
      target: { type: 'case', id: String(15030220261123000000 + i) },
      detail: { operation: 'transitionCase', action: 'accept' },
    });
  }
  rows.push({
    name: 'audit appends, one transaction each',
    value: Math.round(appendCount / ((performance.now() - started) / 1000)),
    unit: 'records/s',
  });

  // The rest of the log is written in bulk with the same chain, so the verify below walks `count` records.
  const head = await database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
  let previous = { seq: Number(head.seq), hash: head.hash };
  const at = new Date('2026-06-01T00:00:00Z').getTime();
  started = performance.now();
  while (previous.seq < count) {
    const batch = [];
    for (let i = 0; i < 2000 && previous.seq < count; i += 1) {
      const record: Omit<AuditRecord, 'hash'> = {
        seq: previous.seq + 1,
        occurredAt: new Date(at + previous.seq * 15_000).toISOString(),
        actorKind: 'staff',
        actorId: `https://id.example#s-${previous.seq % 40}`,
        actorName: '王芳',
        departmentId: '150302-zjj',
        action: previous.seq % 10 === 0 ? 'pii.reveal' : 'staff.action',
        outcome: 'success',
        targetType: 'case',
        targetId: String(15030220260000000000 + previous.seq),
        detail: { operation: 'transitionCase', action: 'accept' },
        requestId: `req_${previous.seq.toString(36)}`,
        client: '10.0.0.8',
        prevHash: previous.hash,
      };
      const hash = recordHash(record);
      batch.push(rowOf({ ...record, hash }));
      previous = { seq: record.seq, hash };
    }
    await database.db.insertInto('audit_records').values(batch).execute();
  }
  await database.db.updateTable('audit_head').set(previous).where('id', '=', 1).execute();
  console.log(`  (${count} records written in ${((performance.now() - started) / 1000).toFixed(0)} s)`);

  started = performance.now();
  const result = await verifyAuditChain(database.db);
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok || result.records !== count) throw new Error(`verify failed: ${JSON.stringify(result)}`);
  rows.push(
    {
      name: `audit verify of ${count.toLocaleString('en')} records (PGlite data folder)`,
      value: +seconds.toFixed(1),
      unit: 's',
    },
    { name: 'audit verify rate', value: Math.round(count / seconds), unit: 'records/s' },
  );
} finally {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
}

writeResult(
  'server-identity',
  'Personal data encryption and the audit log',
  rows,
  'Appends are bounded by the durable commit of each transaction (PGlite data folder, fsync per commit); verify reads the chain in pages of 5,000 and recomputes every SM3 link.',
);
