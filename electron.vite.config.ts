import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Two entries: main itself, and the embedded Support API it starts in a utility process.
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), 'support-api': resolve('electron/utility/support-api.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // Relative asset URLs: the same build is loaded from file:// by Electron and from / by `npm run serve`.
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves bundles unminified by default; the console's first load must stay small
      // (goal: under 250 KB gzip for an agent), so the renderer is minified.
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        output: {
          // The libraries every screen needs, each in its own long-lived chunk (they change less often
          // than the console's code), instead of one 560 kB entry. Only what the first load already
          // needs is grouped, so no screen's code moves into the first load; the budget test checks that.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
              { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            ],
          },
        },
      },
    },
    plugins: [react()],
  },
});
