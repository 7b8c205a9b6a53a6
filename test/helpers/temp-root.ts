/**
 * Run before every test file (vitest setupFiles): the file gets a temporary folder of its own,
 * made the process's TMPDIR, so everything it and its child processes put in "the temp folder"
 * (databases, demo folders, LibreOffice and Chromium profiles) lands there, and the whole folder
 * is removed when the file is done, whether its own clean-up ran or not. Two test runs side by
 * side never share a temporary path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// The system's temp folder, remembered once per process (a worker may run several files).
process.env.BULLETIN_TEST_TMP_PARENT ??= os.tmpdir();
const root = fs.mkdtempSync(path.join(process.env.BULLETIN_TEST_TMP_PARENT, 'bulletin-test-'));
process.env.TMPDIR = root;

// Registered before the file's own hooks, so it runs after them (Vitest runs after-hooks as a stack).
// BULLETIN_TEST_KEEP_TMP=1 keeps it, to look at what a file left behind.
afterAll(() => {
  if (process.env.BULLETIN_TEST_KEEP_TMP) console.log(`temporary files kept in ${root}`);
  else fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
