import { defineConfig } from 'vite';

/** Interactive islands for server-rendered pages; built into public/build, served at /assets/build. */
export default defineConfig({
  root: 'web',
  base: '/assets/build/',
  publicDir: false,
  build: {
    outDir: '../public/build',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    rollupOptions: {
      input: {
        map: 'web/islands/map.ts',
        autosave: 'web/islands/autosave.ts',
        attachments: 'web/islands/attachments.ts',
        'reports-map': 'web/islands/reports-map/reports-map.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name].js', assetFileNames: '[name][extname]' },
    },
  },
});
