import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PiiCipher, SealedDataError } from '../../src/security/pii-cipher.js';
import { loadPiiKey } from '../../src/security/pii-key.js';
import { ReplaySealer } from '../../src/security/replay-seal.js';

const idNumber = '150302199001011234';

describe('personal data encryption (SM4-CTR + HMAC-SM3)', () => {
  const cipher = new PiiCipher([randomBytes(32)]);

  it('round-trips and never shows the value in what it stores', () => {
    const stored = cipher.encrypt(idNumber, 'cases.applicant_id_number');
    assert.match(stored, /^pii1:[0-9a-f]{8}:/);
    assert.ok(!stored.includes(idNumber));
    assert.notEqual(stored, cipher.encrypt(idNumber, 'cases.applicant_id_number'), 'a fresh IV each time');
    assert.equal(cipher.decrypt(stored, 'cases.applicant_id_number'), idNumber);
    assert.equal(cipher.decrypt(cipher.encrypt('张三·乌兰', 'n'), 'n'), '张三·乌兰');
  });

  it('refuses a flipped bit, a value moved to another column, and another key', () => {
    const stored = cipher.encrypt(idNumber, 'cases.applicant_id_number');
    const [tag, id, body] = stored.split(':') as [string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[20]! ^= 1;
    assert.throws(
      () => cipher.decrypt(`${tag}:${id}:${bytes.toString('base64url')}`, 'cases.applicant_id_number'),
      SealedDataError,
    );
    assert.throws(() => cipher.decrypt(stored, 'cases.applicant_mobile'), SealedDataError);
    assert.throws(
      () => new PiiCipher([randomBytes(32)]).decrypt(stored, 'cases.applicant_id_number'),
      SealedDataError,
    );
  });

  it('gives an equal blind index for equal values, and a different one per purpose and key', () => {
    const a = cipher.blindIndex(idNumber, 'applicant.idNumber');
    assert.equal(a, cipher.blindIndex(idNumber, 'applicant.idNumber'));
    assert.notEqual(a, cipher.blindIndex('150302199001011235', 'applicant.idNumber'));
    assert.notEqual(a, cipher.blindIndex(idNumber, 'applicant.mobile'));
    assert.notEqual(a, new PiiCipher([randomBytes(32)]).blindIndex(idNumber, 'applicant.idNumber'));
    assert.ok(!a.includes(idNumber));
  });

  it('opens values under an old key while the new one encrypts (rotation)', () => {
    const oldKey = randomBytes(32);
    const before = new PiiCipher([oldKey]).encrypt(idNumber);
    const rotating = new PiiCipher([randomBytes(32), oldKey]);
    assert.equal(rotating.needsRotation(before), true);
    assert.equal(rotating.decrypt(before), idNumber);
    assert.equal(rotating.needsRotation(rotating.encrypt(idNumber)), false);
  });
});

describe('the personal-data key', () => {
  it('refuses a production start without a key', async () => {
    await assert.rejects(loadPiiKey({ production: true }), /BANSHI_PII_KEY/);
  });

  it('takes the key from the environment (hex or base64) or a key file, and refuses a short one', async () => {
    const key = randomBytes(32);
    assert.deepEqual((await loadPiiKey({ key: key.toString('hex'), production: true })).key, key);
    assert.deepEqual((await loadPiiKey({ key: key.toString('base64'), production: true })).key, key);
    const dir = await mkdtemp(join(tmpdir(), 'banshi-key-'));
    await writeFile(join(dir, 'k'), key.toString('hex'));
    assert.deepEqual((await loadPiiKey({ keyFile: join(dir, 'k'), production: true })).key, key);
    await assert.rejects(loadPiiKey({ key: 'abcd', production: true }), /32 bytes/);
  });

  it('generates a development key into the data folder, owner-readable only, and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'banshi-key-'));
    const first = await loadPiiKey({ production: false, dataDir: dir });
    assert.equal(first.origin, 'generated');
    assert.equal((await stat(first.path!)).mode & 0o777, 0o600);
    const second = await loadPiiKey({ production: false, dataDir: dir });
    assert.deepEqual(second.key, first.key);
    assert.equal((await readFile(first.path!, 'utf8')).trim(), first.key.toString('hex'));
  });
});

describe('idempotency replays', () => {
  it('open only with the Idempotency-Key they were stored under', () => {
    const sealer = new ReplaySealer(randomBytes(32));
    const answer = JSON.stringify({ queryCode: '483920', applicantToken: 'at_secret' });
    const stored = sealer.seal('createCase', 'key-1', answer);
    assert.ok(!Buffer.from(stored, 'base64url').toString('latin1').includes('at_secret'));
    assert.equal(sealer.open('createCase', 'key-1', stored), answer);
    assert.throws(() => sealer.open('createCase', 'key-2', stored), SealedDataError);
    assert.throws(
      () => new ReplaySealer(randomBytes(32)).open('createCase', 'key-1', stored),
      SealedDataError,
    );
    assert.ok(!sealer.digest('createCase', 'key-1').includes('key-1'));
  });
});
