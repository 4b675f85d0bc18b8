// SPDX-License-Identifier: EUPL-1.2
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this file with a package.json (works from src/ and dist/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot();
export const migrationsFolder = join(projectRoot, 'src/server/db/migrations');
export const webDistFolder = join(projectRoot, 'dist/web');
/** Where `../shared` data lives when this checkout sits beside it (CI, developers); absent on a fresh clone. */
export const sharedFolder = join(projectRoot, '..', 'shared');
