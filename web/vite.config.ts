import { defineConfig } from 'vite';

// OCINDEX_WEB_OUT is set by web/CMakeLists.txt so the explorer lands next to the ocindex binary.
export default defineConfig({
  base: './',
  build: {
    outDir: process.env.OCINDEX_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
});
