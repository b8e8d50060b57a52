import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIdempotencyKey } from '../../src/core/idempotency-key.js';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('idempotency keys are random version 4 UUIDs', () => {
  const keys = new Set(Array.from({ length: 100 }, () => createIdempotencyKey()));
  assert.equal(keys.size, 100);
  for (const key of keys) assert.match(key, uuidV4);
});

test('without crypto.randomUUID (plain http pages, older browsers) keys still are version 4 UUIDs', (t) => {
  Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
  t.after(() => {
    delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
  });
  assert.equal(typeof globalThis.crypto.randomUUID, 'undefined');
  const keys = new Set(Array.from({ length: 100 }, () => createIdempotencyKey()));
  assert.equal(keys.size, 100);
  for (const key of keys) assert.match(key, uuidV4);
});
