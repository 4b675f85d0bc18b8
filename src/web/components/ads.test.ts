// SPDX-License-Identifier: EUPL-1.2
// Amsterdam's icons and logos are proprietary: the web app may use only ADS components whose modules
// do not import @amsterdam/design-system-react-icons, and only through ads.ts (one module per
// component, so the package's combined entry — which keeps every logo and icon — is never bundled).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const webFolder = dirname(dirname(fileURLToPath(import.meta.url)));
const adsSource = readFileSync(join(webFolder, 'components/ads.ts'), 'utf8');
const packageDist = dirname(require.resolve('@amsterdam/design-system-react/dist/Button/index.js').replace(/Button\/index\.js$/, 'x'));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every module a component module imports, followed through relative imports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/from ['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const base = join(dirname(file), spec);
    const candidates = [base, `${base}.js`, join(base, 'index.js')];
    const found = candidates.find((c) => {
      try {
        return statSync(c).isFile();
      } catch {
        return false;
      }
    });
    if (found) reachable(found, seen);
  }
  return seen;
}

describe('Amsterdam Design System use', () => {
  const components = [...adsSource.matchAll(/from '@amsterdam\/design-system-react\/dist\/(\w+)\/index\.js'/g)].map((m) => m[1]!);

  it('imports components one module at a time', () => {
    expect(components.length).toBeGreaterThan(5);
  });

  it('uses no component that pulls in the proprietary icons or logos', () => {
    for (const component of components) {
      const modules = [...reachable(join(packageDist, component, 'index.js'))];
      expect(
        modules.filter((m) => m.includes('design-system-react-icons') || m.includes('/Logo/')),
        component,
      ).toEqual([]);
    }
  });

  it('is imported only through components/ads.ts', () => {
    const offenders = filesUnder(webFolder)
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('ads.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /@amsterdam\/design-system-(react|react-icons|assets|tokens)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
