// The built extension (dist/firefox) in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
import { describe } from 'vitest';
import { launchFirefox } from './harness/browsers.ts';
import { describeExtensionPages } from './extension-pages-scenarios.ts';
import { describeRobustness } from './robustness-scenarios.ts';
import { describeReader } from './reader-scenarios.ts';
import { describeExtension } from './scenarios.ts';
import { describeTrust } from './trust-scenarios.ts';
import { describeView } from './view-scenarios.ts';
import { describeGuard } from './guard-scenarios.ts';
import { describeAttacks } from './attack-scenarios.ts';
import { describeImport } from './import-scenarios.ts';
import { describeFinding } from './finding-scenarios.ts';

describe('Firefox', () => describeExtension(launchFirefox));
describe('Firefox: robustness', () => describeRobustness(launchFirefox));
describe('Firefox: for every reader', () => describeReader(launchFirefox));
describe('Firefox: the popup and the first-run page', () => describeExtensionPages(launchFirefox));
describe('Firefox: the page as an adversary', () => describeTrust(launchFirefox));
describe('Firefox: what the reader sees', () => describeView(launchFirefox));
describe('Firefox: the guard, answered or reported', () => describeGuard(launchFirefox));
describe('Firefox: the red team’s attacks of 2026-12-07', () => describeAttacks(launchFirefox));
describe('Firefox: imported packs', () => describeImport(launchFirefox));
describe('Firefox: finding the article', () => describeFinding(launchFirefox));
