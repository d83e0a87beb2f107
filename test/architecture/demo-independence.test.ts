/**
 * Tests build their own data (issue 14): outside src/demo no test leans on the demo register, so
 * changing the demo breaks no other test. A test file (or test support file) may not import
 * src/demo or the demo test app (test/support/demo-app.ts), name DEMO_PASSWORD, or sign in with
 * a demo login; it starts from the test world (test/support/world.ts) or makes its own data.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/config/config.js';

/** The demo's own tests, and the demo test app they use. */
const demoPlaces = [/^src\/demo\//, /^test\/support\/demo-app\.ts$/, /^test\/architecture\/demo-independence\.test\.ts$/];

/** Logins of the demo accounts (src/demo/demo-data.ts), written here so this test needs no demo either. */
const demoLogins = [
  'admin.lublin',
  'komendant.lubartow',
  'kierownik.lubartow',
  'dzielnicowy.lubartow',
  'kierownik.leczna',
  'dzielnicowy.leczna',
  'dzielnicowy.krasnystaw',
  'kierownik.sejny',
];

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return files(relative, pattern);
    return pattern.test(entry.name) ? [relative] : [];
  });
}

/** Why a file leans on the demo, or null. */
export function demoUse(text: string): string | null {
  // An import statement at the start of a line: a lint rule's test quoting one in a string is not a use.
  if (/^\s*(?:import|export)\b[^\n]*from '[^']*\/demo\/[^']*'/m.test(text)) return 'imports src/demo';
  if (/from '[^']*demo-app\.js'/.test(text)) return 'uses the demo test app';
  if (/\bDEMO_PASSWORD\b/.test(text)) return 'names DEMO_PASSWORD';
  const login = demoLogins.find((l) => text.includes(`'${l}'`) || text.includes(`"${l}"`) || text.includes(`\`${l}\``));
  if (login) return `signs in as the demo's ${login}`;
  // The national demo administrator's login is also the role's name: only where someone signs in.
  if (/(signIn|browserFor)\([^)]*'admin'/.test(text)) return "signs in as the demo's admin";
  return null;
}

const testFiles = [
  ...files('src', /\.test\.tsx?$/),
  ...files('test', /\.test\.ts$/),
  ...files('test/support', /\.tsx?$/).filter((f) => f.split('/').length === 3),
].filter((file) => !demoPlaces.some((place) => place.test(file)));

describe('tests build their own data, not the demo register', () => {
  it('no test outside src/demo uses the demo', () => {
    const offenders = testFiles.flatMap((file) => {
      const why = demoUse(readFileSync(path.join(projectRoot, file), 'utf8'));
      return why ? [`${file}: ${why}`] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('recognises each way of leaning on the demo', () => {
    expect(demoUse("import { x } from '../../src/demo/demo-data.js';")).toBe('imports src/demo');
    expect(demoUse("import { createDemoTestApp } from '../support/demo-app.js';")).toBe('uses the demo test app');
    expect(demoUse('await client.signIn(login, DEMO_PASSWORD);')).toBe('names DEMO_PASSWORD');
    expect(demoUse("await client.signIn('kierownik.lubartow');")).toMatch(/kierownik\.lubartow/);
    expect(demoUse("await client.signIn('admin');")).toMatch(/admin/);
    expect(demoUse("const role = 'admin'; await client.signIn(world.accounts.nationalAdmin);")).toBeNull();
  });
});
