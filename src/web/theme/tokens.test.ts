// SPDX-License-Identifier: EUPL-1.2
// Every `--ams-*` custom property read by the Amsterdam Design System CSS we import must be defined
// by our own tokens (we do not use Amsterdam's token package). Also guards against importing a
// component whose React code pulls in Amsterdam's proprietary icons.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

const componentsCss = readFileSync(here('./components.css'), 'utf8');
const tokensCss = readFileSync(here('./tokens.css'), 'utf8');
const imports = [...componentsCss.matchAll(/@import '([^']+)'/g)].map((m) => m[1]!);

describe('theme tokens', () => {
  it('imports some ADS component stylesheets', () => {
    expect(imports.length).toBeGreaterThan(10);
  });

  it('defines every --ams-* property the imported component CSS reads', () => {
    const defined = new Set([...tokensCss.matchAll(/(--ams-[a-z0-9-]+)\s*:/g)].map((m) => m[1]!));
    const missing = new Set<string>();
    for (const spec of imports) {
      const css = readFileSync(require.resolve(spec), 'utf8');
      // Properties a component defines for itself (e.g. --ams-icon-line-height) need no token.
      const local = new Set([...css.matchAll(/(--ams-[a-z0-9-]+)\s*:/g)].map((m) => m[1]!));
      for (const m of css.matchAll(/var\((--ams-[a-z0-9-]+)/g)) {
        if (!defined.has(m[1]!) && !local.has(m[1]!)) missing.add(`${m[1]} (${spec})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('uses no Amsterdam font, token package or assets', () => {
    expect(tokensCss).not.toMatch(/Amsterdam Sans|design-system-tokens|design-system-assets/);
    expect(componentsCss).not.toMatch(/design-system-tokens|design-system-assets/);
  });
});
