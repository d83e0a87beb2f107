import Fastify from 'fastify';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { PublicPageCache } from './public-page-cache.js';

/**
 * The cache on a bare Fastify app: `lang` and `principal` are what the app's hooks set, and the
 * form token stands in for @fastify/csrf-protection's (a new one for every call, as there).
 */
describe('the cache of pages that are the same for every anonymous visitor', () => {
  const app = Fastify();
  const cache = new PublicPageCache(60_000);
  let builds = 0;
  let tokens = 0;
  beforeAll(async () => {
    app.decorateRequest('lang', 'pl');
    app.decorateRequest('principal', null);
    app.decorateReply('generateCsrf', function () {
      return `token-${++tokens}`;
    });
    app.addHook('onRequest', (request, _reply, done) => {
      request.lang = request.headers['accept-language'] === 'en' ? 'en' : 'pl';
      request.principal = request.headers['x-signed-in'] ? ({ login: String(request.headers['x-signed-in']) } as Principal) : null;
      done();
    });
    app.get<{ Querystring: { form?: string } }>('/page', (request, reply) =>
      cache.send(request, reply, (ctx) => {
        builds++;
        const form = request.query.form ? ctx.csrfToken : '';
        return Promise.resolve(createElement('p', null, `${ctx.lang} ${ctx.principal?.login ?? 'anonymous'} ${form} ${ctx.currentUrl}`));
      }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  const get = async (url: string, headers: Record<string, string> = {}) => (await app.inject({ url, headers })).body;

  it('renders a page once for all anonymous visitors of a URL in a language', async () => {
    // Start empty: another test may have had /page kept already.
    cache.clear();
    builds = 0;
    expect(await get('/page')).toBe('<!DOCTYPE html><p>pl anonymous  /page</p>');
    expect(await get('/page')).toBe('<!DOCTYPE html><p>pl anonymous  /page</p>');
    expect(await get('/page', { 'accept-language': 'en' })).toBe('<!DOCTYPE html><p>en anonymous  /page</p>');
    expect(await get('/page?x=1')).toBe('<!DOCTYPE html><p>pl anonymous  /page?x=1</p>');
    expect(builds).toBe(3);
    cache.clear();
    await get('/page');
    expect(builds).toBe(4);
  });

  it('renders for each signed-in visitor, and never shares their page', async () => {
    builds = 0;
    expect(await get('/page', { 'x-signed-in': 'anna' })).toBe('<!DOCTYPE html><p>pl anna  /page</p>');
    expect(await get('/page', { 'x-signed-in': 'anna' })).toBe('<!DOCTYPE html><p>pl anna  /page</p>');
    expect(builds).toBe(2);
    expect(await get('/page')).toContain('anonymous');
  });

  it('does not keep a page that carries a form token: every visitor gets a token of their own', async () => {
    const pages = await Promise.all([get('/page?form=1'), get('/page?form=1'), get('/page?form=1')]);
    const issued = pages.map((page) => /token-\d+/.exec(page)?.[0]);
    expect(issued.every(Boolean)).toBe(true);
    expect(new Set(issued).size).toBe(3);
    expect(/token-\d+/.exec(await get('/page?form=1'))?.[0]).not.toBe(issued[2]);
  });
});
