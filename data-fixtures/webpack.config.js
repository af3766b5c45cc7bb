const { join } = require('path');
const nodeApp = require('../tools/webpack/node-app');

// Builds the generator's command line (src/main.ts) so `npm run fixtures` runs compiled code.
module.exports = nodeApp(join(__dirname, '../dist/data-fixtures'));
