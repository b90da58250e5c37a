// Child process for temp-root.test.ts: makes the temporary root, fills it as a browser would,
// prints its path, then waits to be stopped (or fails, when asked to).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempRoot, removeOnSignals } from '../../../scripts/start/temp-root.ts';

const root = makeTempRoot('backstory-start-test-');
removeOnSignals(root);
mkdirSync(join(root.path, 'tmp-web-ext-profile'));
writeFileSync(join(root.path, 'tmp-web-ext-profile', 'prefs.js'), 'x');
console.log(root.path);
if (process.argv[2] === 'fail') throw new Error('a failure half-way');
setInterval(() => undefined, 1000);
