import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // This file extends the root config by path, which the boundary rule reads as importing a
  // file outside any project; the rule is about source code, not lint configuration.
  { files: ['eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
