import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/', 'data/'] },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: globals.node,
    },
    rules: {
      // Functions take one options object naming every option; a project generated
      // without a feature passes (and uses) fewer of them.
      'no-unused-vars': ['error', { args: 'none' }],
    },
  },
  {
    // Browser scripts served as static files (no bundler): plain scripts, `io` from socket.io.js.
    files: ['src/*/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, io: 'readonly' },
    },
  },
];
