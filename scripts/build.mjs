// Builds dist/chrome and dist/firefox from one source (see vite.config.ts).
import { build } from 'vite';

for (const browser of ['chrome', 'firefox']) {
  process.env.BROWSER = browser;
  await build({ logLevel: 'warn', configLoader: 'bundle' });
  console.log(`built dist/${browser}`);
}
