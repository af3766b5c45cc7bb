const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // Nx runs two projects at once on a 2-core machine: one jest worker each keeps it at two.
  maxWorkers: 1,
};
