#!/usr/bin/env node
'use strict';
// The built CLI lives in dist/; `npm run build` makes it.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(built)) {
  process.stderr.write('编印台尚未构建，请先运行 npm run build。\nBulletin Desk is not built yet: run `npm run build` first.\n');
  process.exit(1);
}
require(built);
