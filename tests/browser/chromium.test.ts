// The built extension (dist/chrome) in Debian's Chromium, driven by playwright-core.
import { describe } from 'vitest';
import { launchChromium } from './harness/browsers.ts';
import { describeRobustness } from './robustness-scenarios.ts';
import { describeExtension } from './scenarios.ts';

describe('Chromium', () => describeExtension(launchChromium));
describe('Chromium: robustness', () => describeRobustness(launchChromium));
