// What the Chrome Web Store needs of a build's manifest, checked before packaging (Firefox's build
// is checked by web-ext lint): Manifest V3, a name, a version and a description that resolve through
// _locales and fit the store's limits, no field the store refuses, and every file the manifest or
// an extension page refers to present in the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Manifest = Record<string, unknown>;

/** The Chrome Web Store's limits: name 75 characters, description 132. */
const LIMITS = { name: 75, description: 132 };

function localised(value: unknown, messages: Record<string, { message?: string }>, field: string, problems: string[]): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return void problems.push(`manifest.json: ${field} is missing`);
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return value;
  const message = messages[key]?.message;
  if (message === undefined) problems.push(`manifest.json: ${field} is ${value}, but _locales has no message "${key}"`);
  return message;
}

/** Every file path the manifest names: icons, pages, scripts, style sheets. */
function referencedFiles(manifest: Manifest): string[] {
  const files: string[] = [];
  const visit = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
    if (typeof value === 'object' && value !== null) return Object.entries(value).forEach(([k, v]) => visit(v, k));
    if (typeof value !== 'string') return;
    const isFile = /^(icons|default_icon|\d+|default_popup|page|service_worker|scripts|js|css)$/.test(key) && /\.\w+$/.test(value);
    if (isFile) files.push(value.replace(/^\//, ''));
  };
  visit(manifest);
  return [...new Set(files)];
}

/** Scripts, style sheets and images an HTML page of the build loads by absolute path. */
function pageFiles(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  return [...html.matchAll(/\b(?:src|href)="\/([^"#?]+)"/g)].map((match) => match[1]);
}

export function chromeManifestProblems(dir: string, expectedVersion: string): string[] {
  const problems: string[] = [];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch (error) {
    return [`manifest.json cannot be read: ${(error as Error).message}`];
  }
  if (manifest.manifest_version !== 3) problems.push('manifest.json: manifest_version must be 3');
  const locale = typeof manifest.default_locale === 'string' ? manifest.default_locale : undefined;
  const messagesFile = locale ? join(dir, '_locales', locale, 'messages.json') : undefined;
  if (messagesFile && !existsSync(messagesFile)) problems.push(`manifest.json: default_locale is "${locale}", but _locales/${locale}/messages.json is missing`);
  const messages = messagesFile && existsSync(messagesFile) ? JSON.parse(readFileSync(messagesFile, 'utf8')) : {};
  for (const field of ['name', 'description'] as const) {
    const text = localised(manifest[field], messages, field, problems);
    if (text !== undefined && text.length > LIMITS[field]) problems.push(`manifest.json: ${field} has ${text.length} characters; the Chrome Web Store takes ${LIMITS[field]} at most: "${text}"`);
  }
  if (typeof manifest.version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(manifest.version)) problems.push(`manifest.json: version ${JSON.stringify(manifest.version)} is not 1 to 4 dot-separated numbers`);
  else if (manifest.version !== expectedVersion) problems.push(`manifest.json: version ${manifest.version} is not package.json's ${expectedVersion}`);
  for (const field of ['key', 'update_url']) if (field in manifest) problems.push(`manifest.json: "${field}" must not be in a package for the Chrome Web Store`);
  if (manifest.browser_specific_settings !== undefined) problems.push('manifest.json: browser_specific_settings belongs to the Firefox build');
  const files = referencedFiles(manifest);
  const pages = files.filter((file) => file.endsWith('.html') && existsSync(join(dir, file)));
  for (const file of [...files, ...pages.flatMap((page) => pageFiles(dir, page))]) {
    if (!existsSync(join(dir, file))) problems.push(`manifest.json refers to ${file}, which is not in ${dir}`);
  }
  return [...new Set(problems)];
}
