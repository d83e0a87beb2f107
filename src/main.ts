/**
 * Entry point of `npm start`. React (and other libraries) choose their production build from
 * NODE_ENV when first loaded; the development build renders pages several times slower, so a
 * server started without NODE_ENV runs as production. The real start-up is in serve.ts.
 */
process.env.NODE_ENV ??= 'production';
await import('./serve.js');
