import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (README "Architecture"): common/ imports nothing of ours; server/ never sidecar/;
 * public/ never server/ or sidecar/; sidecar/ never plugin/. A pattern matches the specifier as
 * written, at any relative depth ('../../sidecar/src/x' and '../sidecar/x' alike).
 */
const layer = (description, forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map((folder) => ({
        group: [`**/${folder}/**`],
        message: `${description} (layers: common ← sidecar, server ← public; plugin/ may use all; see README "Architecture").`,
      })),
    },
  ],
});

export const LAYER_RULES = [
  {
    files: ['common/**/*.{ts,tsx}'],
    rules: layer('common/ is the shared contract and imports nothing of ours', [
      'sidecar',
      'server',
      'public',
      'plugin',
    ]),
  },
  {
    files: ['server/**/*.{ts,tsx}'],
    rules: layer('server/ ships in the Kibana plugin without the sidecar', [
      'sidecar',
      'public',
      'plugin',
    ]),
  },
  {
    files: ['public/**/*.{ts,tsx}'],
    rules: layer('public/ runs in the browser: it may import common/ only', [
      'sidecar',
      'server',
      'plugin',
    ]),
  },
  {
    files: ['sidecar/**/*.{ts,tsx}'],
    rules: layer('sidecar/ never depends on the plugin: start the UI through cli/ui_launcher.ts', [
      'plugin',
      'server',
      'public',
    ]),
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.cache/',
      'target/',
      'build/',
      'artifacts/',
      'bin/',
      // Planted layer violations: linted only by tests/unit/lint/layers.test.ts.
      'tests/fixtures/layers/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...LAYER_RULES,
);
