import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pairNodes, startTestNode, TestClient, type TestNode } from './_util.js';

const PASSWORD = 'correct horse battery';

describe('dashboard counts', () => {
  let a: TestNode;
  let b: TestNode;
  before(async () => {
    a = await startTestNode({ id: 'ma-dgsn' });
    b = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(a, b);
    await a.ctx.governance.createUser(null, {
      username: 'viewer',
      displayName: 'V',
      password: PASSWORD,
      roles: ['viewer'],
    });
    await a.ctx.governance.createUser(null, {
      username: 'locked',
      displayName: 'L',
      password: PASSWORD,
      roles: ['analyst'],
    });
  });
  after(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  test('each role gets the counts it may see, computed from the live data', async () => {
    const stranger = new TestClient(a.url);
    for (let i = 0; i < 5; i++)
      await stranger.post('/api/v1/auth/login', { username: 'locked', password: 'wrong password!' });
    const viewer = new TestClient(a.url);
    await viewer.post('/api/v1/auth/login', { username: 'viewer', password: PASSWORD });
    const res = await viewer.get('/api/v1/dashboard');
    assert.equal(res.status, 200);
    const cards = new Map(
      (res.json.cards as Array<{ id: string; value: number }>).map((c) => [c.id, c.value]),
    );
    assert.equal(cards.get('partnersPaired'), 1);
    assert.equal(cards.get('alertsRecent'), 0);
    assert.equal(cards.has('accountsLocked'), false, 'a viewer does not see account counts');
    const admin = await a.ctx.governance.countLockedAccounts({
      userId: 'x',
      username: 'x',
      displayName: 'x',
      roles: ['admin'],
      via: 'token',
    });
    assert.equal(admin, 1);
    assert.equal((await new TestClient(a.url).get('/api/v1/dashboard')).status, 401);
  });
});
