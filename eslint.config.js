// Lint: typescript-eslint's recommended rules, and Mozilla's no-unsanitized so that no HTML is ever
// built from strings in extension code.
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tmp/', 'coverage/'] },
  ...tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'document.write is never allowed.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Build DOM with createElement and textContent.' },
      ],
    },
  },
  // The layers (docs/architecture.md): model ← core ← shared ← content | popup | options | background.
  // Nothing the extension ships imports build tooling or tests; the pure layers import no browser code.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/build/**', '**/tests/**', '**/scripts/**'], message: 'The extension never imports build tooling, tests or scripts.' }] }],
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/content/**', '**/shared/**', '**/popup/**', '**/options/**', '**/welcome/**', '**/background/**', '**/build/**', 'webextension-polyfill', '@floating-ui/*'], message: 'model and core are pure: they import only model and core.' }] }],
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'CSS', 'location', 'navigator'],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/content/**', '**/popup/**', '**/options/**', '**/welcome/**', '**/background/**', '**/build/**'], message: 'shared is beneath the extension\'s parts; it imports model, core and shared only.' }] }],
    },
  },
  {
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/popup/**', '**/options/**', '**/welcome/**', '**/background/**', '**/build/**', '**/settings-store*', 'webextension-polyfill'], message: 'The content scripts stay small: no polyfill, no other part of the extension.' }] }],
    },
  },
  {
    files: ['src/popup/**/*.ts', 'src/options/**/*.ts', 'src/welcome/**/*.ts', 'src/background/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/content/**', '**/popup/**', '**/options/**', '**/welcome/**', '**/background/**', '!./*', '**/build/**'], message: 'Extension pages and the background share code through src/shared only.' }] }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Test fixtures set innerHTML on jsdom documents and served pages, never on a reader's page.
      'no-unsanitized/property': 'off',
    },
  },
);
