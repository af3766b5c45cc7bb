const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // Nx runs two projects at once on a 2-core machine: one jest worker each keeps it at two.
  maxWorkers: 1,
  // Integration suites open and drop real databases in their hooks; on a busy 2-core machine
  // that can take longer than jest's 5 s default. A hang still fails, after a minute.
  testTimeout: 60_000,
};
