'use strict';
// The worker entry when the service runs from its TypeScript sources (`npm start` through ts-node, the tests
// through @swc/jest). A worker thread starts with none of its parent's module hooks (jest's transform never
// reaches it), so it registers ts-node here, transpile-only with the repository's tsconfig like `npm start`, then
// loads engine-worker.ts. The compiled build loads dist/src/matching/engine-worker.js and never uses this file.
const path = require('node:path');

if (!require.extensions['.ts']) {
  require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', '..', 'tsconfig.json') });
}
module.exports = require('./engine-worker.ts');
