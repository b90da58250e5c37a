// `npm test`: every check and test, in order, ending with one line "N passed, N failed".
// Type check, lint, build, web-ext lint of the Firefox build, then vitest (unit tests and the
// real-browser tests in Chromium and Firefox). Each of the first four counts as one test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const REPORT = '.tmp/vitest-report.json';
const results = [];

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  results.push({ name, ok: status === 0 });
  return status === 0;
}

mkdirSync('.tmp', { recursive: true });
step('type check', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
const built = step('build', 'node', ['scripts/build.mjs']);
if (built) step('web-ext lint (dist/firefox)', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--warnings-as-errors', '--no-config-discovery']);

const projects = built ? [] : ['--project', 'unit'];
console.log(`\n▶ vitest${built ? '' : ' (unit only: the build failed, so browser tests cannot run)'}`);
spawnSync('npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`], { stdio: 'inherit' });

let passed = results.filter((result) => result.ok).length;
let failed = results.length - passed;
try {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
} catch {
  console.error('vitest wrote no report');
  failed += 1;
}
for (const result of results.filter((r) => !r.ok)) console.error(`✗ ${result.name} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
