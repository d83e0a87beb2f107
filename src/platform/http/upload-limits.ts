import type { FastifyInstance } from 'fastify';

/**
 * A route's `bodyLimit` is also the limit of a file uploaded to it. @fastify/multipart reads
 * files with its own limits (busboy's `fileSize`), which otherwise ignore the route's bodyLimit:
 * a 6 MiB file passed a 5 MiB route because the plugin-wide limit was larger. Routes without a
 * bodyLimit get the server's; a route whose files may be larger than its other bodies sets
 * config.uploadBytes. Register before the routes (an onRoute hook sees later routes only).
 */
export function uploadsFollowRouteLimits(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const fileSize = route.config?.uploadBytes ?? route.bodyLimit ?? app.initialConfig.bodyLimit;
    const multipartOptions = route.config?.multipartOptions;
    route.config = { ...route.config, multipartOptions: { ...multipartOptions, limits: { fileSize, ...multipartOptions?.limits } } };
  });
}
