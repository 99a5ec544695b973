// Lint, run by `npm test` (npm run lint). Type-aware rules from typescript-eslint, and the few rules
// this project lives by: no HTML sinks and no eval (page and rule text is never parsed as markup), no
// floating promises, short functions, and console selectors only in src/console/selectors.ts.
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Things that parse a string as HTML or code. */
const htmlSinks = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc'].map((property) => ({
  selector: `MemberExpression[property.name="${property}"]`,
  message: `${property} parses text as HTML: build the DOM with createElement and textContent.`,
}));

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'reports/',
      '.stryker-tmp/',
      'test/fixtures/',
      'test/real-libraries/ng-stand-ins/',
      'stryker.config.mjs',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // What ships: no HTML parsing of any text, and functions short enough to read at once.
    files: ['src/**/*.ts', 'entrypoints/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests build saved pages from HTML on purpose, read JSON they wrote themselves, and hand methods to expect().
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // The page code queries the console only with selectors from src/console/selectors.ts.
    files: ['src/page/**/*.ts', 'src/annotator/**/*.ts', 'src/content/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...htmlSinks,
        {
          selector:
            'CallExpression[callee.property.name=/^(querySelector|querySelectorAll|closest|matches)$/] > :matches(Literal, TemplateLiteral).arguments:first-child',
          message: 'Console selectors live in src/console/selectors.ts.',
        },
      ],
    },
  },
  prettier,
);
