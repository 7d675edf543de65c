/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.JAM_BACKEND ?? 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // sockjs-client refers to Node's `global`.
  define: { global: 'globalThis' },
  server: {
    proxy: {
      '/api': backend,
      '/eventbus': { target: backend, ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
