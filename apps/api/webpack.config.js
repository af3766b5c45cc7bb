const { join } = require('path');
const nodeApp = require('../../tools/webpack/node-app');

module.exports = nodeApp(join(__dirname, '../../dist/apps/api'));
