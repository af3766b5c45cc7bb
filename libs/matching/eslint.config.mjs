// The shared root config is a file, not a project: the module-boundary rule does not apply to it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import baseConfig from '../../eslint.config.mjs';

export default [...baseConfig];
