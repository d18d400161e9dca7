#!/usr/bin/env node
// CI's dependency audit: fails on high or critical advisories in production dependencies.
// When the registry's advisory endpoint cannot be asked (an offline mirror, or a registry that
// refuses the bulk endpoint), it says so loudly and does not pretend the audit passed; it
// does not fail the build either, since nothing was learned about the dependencies.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no JSON report (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.message ?? report.error?.summary ?? 'no advisory data in the answer';
  console.error(`DEPENDENCY AUDIT NOT RUN: the registry's advisory endpoint did not answer (${why}).`);
  console.error('Nothing is known about advisories; run "npm audit --omit=dev" where the registry answers.');
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit (production): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (serious > 0) {
  spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { stdio: 'inherit' });
  process.exit(1);
}
