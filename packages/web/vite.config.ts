import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The API URL is injected at build time (VITE_GONGKAI_API_URL); locally the app and the API
// share an origin and the default '/graphql' is right.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [vue()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The size report is `npm run bench -- --only=web`; Vite's own would only be noise.
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/graphql': process.env.GONGKAI_API_ORIGIN ?? 'http://127.0.0.1:4000' },
  },
});
