/**
 * The web workspace's build: `npm run build:web` (and `npm start`) writes `web/dist`, which the
 * local stack serves and the CDK app deploys. The budget plugin fails the build when a role's first
 * view carries more JavaScript than its budget (see budget.ts).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { budgetPlugin } from './budget.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), budgetPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
