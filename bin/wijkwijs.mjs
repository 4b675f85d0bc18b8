#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// The `wijkwijs` command: runs the compiled CLI from dist/, or the TypeScript source through tsx
// when dist/ has not been built (development checkouts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist/src/cli/main.js');
if (existsSync(compiled) && !process.env.WIJKWIJS_FROM_SOURCE) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
}
