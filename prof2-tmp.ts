import { startTestNode, testAdmin } from './test/_util.js';
const pk = await startTestNode({ id: 'pk-fia', country: 'PK' });
const admin = { ...testAdmin, roles: [...testAdmin.roles] };
const people = Array.from({ length: 20000 }, (_, i) => ({ kind: 'person', id: `p${i}`, role: 'suspect', synthetic: true, names: [{ full: `Muhammad Ali${i % 97} Khan${i % 89}`, script: 'Latn' }], datesOfBirth: [String(1950 + (i % 50))] }));
const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < people.length; i += 10000) await pk.ctx.matchingHolder.addHoldings(admin, { source: 'b', crimeAreas: ['migrant_smuggling'], entities: people.slice(i, i + 10000) });
const c = process.cpuUsage(c0); console.log('wall', performance.now() - t0, 'cpu', (c.user + c.system) / 1000);
await pk.destroy(); process.exit(0);
