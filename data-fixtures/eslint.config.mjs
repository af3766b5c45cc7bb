import baseConfig from '../eslint.config.mjs';

// data-fixtures is a library with a `build` target (the generator's command line, bundled by
// webpack from source, @concord/domain included). Nx would call it a "buildable library" and
// forbid importing the non-buildable domain library; that check is for libraries compiled
// alone with tsc, which this one is not. Every other boundary rule of the root config applies.
export default [
  ...baseConfig.map(withoutBuildableCheck),
  // This file reaches the root config by a relative path: configuration, not a project import.
  { files: ['eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];

function withoutBuildableCheck(entry) {
  const rule = entry.rules?.['@nx/enforce-module-boundaries'];
  if (!rule) return entry;
  const [level, options] = rule;
  return {
    ...entry,
    rules: { ...entry.rules, '@nx/enforce-module-boundaries': [level, { ...options, enforceBuildableLibDependency: false }] },
  };
}
