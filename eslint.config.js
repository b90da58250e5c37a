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
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Test fixtures set innerHTML on jsdom documents and served pages, never on a reader's page.
      'no-unsanitized/property': 'off',
    },
  },
);
