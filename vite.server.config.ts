// The production Support API: server/cli/{serve,admin,sandbox}.ts bundled into out/server/ so they run
// with plain `node` and the production dependencies (an SSR build keeps every package external and
// bundles only our own TypeScript: shared/ and server/).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  // Nothing of the renderer's public folder or index.html belongs in a server build.
  publicDir: false,
  build: {
    ssr: true,
    target: 'node24',
    outDir: 'out/server',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        serve: resolve('server/cli/serve.ts'),
        admin: resolve('server/cli/admin.ts'),
        sandbox: resolve('server/cli/sandbox.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
