import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, verifyPassword } from './password.js';

const fast = { N: 2 ** 10, r: 8, p: 1 };

test('a password verifies against its own hash only', async () => {
  const hash = await hashPassword('correct horse battery', fast);
  assert.match(hash, /^scrypt\$1024\$8\$1\$/);
  assert.equal(await verifyPassword('correct horse battery', hash), true);
  assert.equal(await verifyPassword('correct horse batterY', hash), false);
});

test('two hashes of one password differ (random salt)', async () => {
  assert.notEqual(
    await hashPassword('same password here', fast),
    await hashPassword('same password here', fast),
  );
});

test('Unicode passwords are compared after NFKC normalisation', async () => {
  const hash = await hashPassword('كلمة\u0627\u0653سر', fast);
  assert.equal(await verifyPassword('كلمة\u0622سر', hash), true);
});

test('malformed stored hashes never verify', async () => {
  for (const bad of ['', 'plain', 'scrypt$x$8$1$aa$bb', 'bcrypt$10$8$1$aa$bb']) {
    assert.equal(await verifyPassword('anything', bad), false);
  }
});
