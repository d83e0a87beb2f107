import type { FastifyInstance } from 'fastify';

/**
 * Staff forms post to an action address (/admin/plans/:id/review). When the action fails, the
 * page with its error is shown at that address; reloading it, or coming back to it, is a GET.
 * That GET answers with the page the action belongs to (its parent address) instead of "not
 * found". Collected while routes are added; registered once every module has added its own.
 */
export function collectFormActions(app: FastifyInstance): () => void {
  const posts = new Set<string>();
  const gets = new Set<string>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/admin/')) return;
    if (methods.includes('POST')) posts.add(route.url);
    if (methods.includes('GET')) gets.add(route.url);
  });
  return () => {
    for (const action of posts) {
      const page = action.slice(0, action.lastIndexOf('/'));
      if (gets.has(action) || !gets.has(page)) continue;
      app.get(action, { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
        const path = request.url.split('?')[0]!;
        return reply.redirect(path.slice(0, path.lastIndexOf('/')), 303);
      });
    }
  };
}
