import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeReturnPath } from './request-context.js';

// Where a browser would land after "Location: <path>" from either of these sites.
const sites = ['https://dzielnicowy.example.pl', 'http://localhost:3000'];
const landsOn = (path: string, site: string) => new URL(path, `${site}/login?next=x`).origin;

// Characters that make paths leave the site in one browser or another, and some filler.
const tricky = fc.constantFrom(
  '/',
  '\\',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u001f',
  '\u007f',
  ' ',
  '\u00a0',
  '\u3000',
  '.',
  ':',
  '@',
  '%',
  '2',
  'f',
  'F',
  '5',
  'c',
  '?',
  '#',
  'e',
  'x',
  'ł',
  '\uff0f',
);

describe('safeReturnPath', () => {
  it('keeps a path of this site', () => {
    expect(safeReturnPath('/admin')).toBe('/admin');
    expect(safeReturnPath('/admin/accounts?q=jan&page=2#lista')).toBe('/admin/accounts?q=jan&page=2#lista');
    expect(safeReturnPath('/szukaj?adres=Łęczna')).toBe('/szukaj?adres=%C5%81%C4%99czna');
  });

  it('turns addresses of other sites, and anything that is not a path, into "/"', () => {
    for (const value of [
      '/\t/evil.example', // browsers drop the tab: "//evil.example"
      '/\n/evil.example',
      '/\\evil.example', // "\" is "/" to a browser
      '\\\\evil.example',
      '//evil.example/x',
      '/.//evil.example', // normalises to "//evil.example"
      'https://evil.example/',
      'javascript:alert(1)',
      'admin',
      '',
      `/${'a'.repeat(2001)}`,
      null,
      ['/admin'],
    ]) {
      expect(safeReturnPath(value)).toBe('/');
    }
  });

  it('never yields a path that a URL parser resolves to another site', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: tricky, maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.webUrl()),
        (value) => {
          const path = safeReturnPath(value);
          expect(path.startsWith('/')).toBe(true);
          // eslint-disable-next-line no-control-regex -- safe in a Location header: no control characters
          expect(path).not.toMatch(/[\u0000-\u001f\u007f]/);
          for (const site of sites) expect(landsOn(path, site)).toBe(new URL(site).origin);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves ordinary paths where they lead', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const value = `/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
        // A path that resolves to "//…" ("/.//x") is a host to a browser: refused on purpose (above).
        fc.pre(!new URL(value, sites[0]).pathname.startsWith('//'));
        expect(new URL(safeReturnPath(value), sites[0]).href).toBe(new URL(value, sites[0]).href);
      }),
    );
  });
});
