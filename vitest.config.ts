import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // The real `electron` module only loads inside the Electron binary: unit tests get a recording
        // stand-in (as Electron Fiddle does). electron-store is inlined so its own import sees it too.
        resolve: { alias: [{ find: /^electron$/, replacement: fileURLToPath(new URL('./test/mocks/electron.ts', import.meta.url)) }] },
        test: {
          name: 'node',
          server: { deps: { inline: ['electron-store'] } },
          environment: 'node',
          include: ['test/unit/{shared,server,electron,scripts}/**/*.test.ts'],
          // Database-backed suites open PGlite/PostgreSQL: give them room on a 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
