import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server serves web/dist at `/` and the console routes by hash, so no server fallback is needed.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite web` during development: forward API calls to a locally running `portolan start`.
    proxy: { '/v1': process.env.PORTOLAN_API ?? 'http://localhost:4600' },
  },
});
