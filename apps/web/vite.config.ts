import { fileURLToPath } from 'node:url';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The api serves what this writes (dist/web) from the same origin as the JSON API: no CORS, no CDN.
export default defineConfig({
  root: at('.'),
  // The pages are in English: React Aria's strings for other languages stay out of the bundle.
  plugins: [react(), { ...optimizeLocales.vite({ locales: ['en-US'] }), enforce: 'pre' }],
  resolve: { alias: { '#api-client': at('../../libs/api-client/src/index.ts') } },
  build: {
    outDir: at('../../dist/web'),
    emptyOutDir: true,
    // Browsers of the last few years (Chromium, Firefox, Safari 16+), as the portal promises.
    target: ['chrome111', 'firefox115', 'safari16'],
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/r': 'http://localhost:3000' } },
});
