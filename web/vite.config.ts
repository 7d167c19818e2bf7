import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { projectWorld } from './src/world-projection';

// The world map's outlines, projected here once instead of in every browser (src/world-projection.ts).
function worldPlaces(): Plugin {
  const id = 'virtual:world-places';
  const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  const data = (name: string) => fileURLToPath(new URL(`./src/data/${name}`, import.meta.url));
  return {
    name: 'ocindex-world-places',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const atlas = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
      const [numeric, dots] = [data('iso-numeric.json'), data('small-states.json')];
      for (const file of [atlas, numeric, dots]) this.addWatchFile(file);
      return `export default ${JSON.stringify(projectWorld(json(atlas), json(numeric), json(dots)))};`;
    },
  };
}

// OCINDEX_WEB_OUT is set by web/CMakeLists.txt so the explorer lands next to the ocindex binary.
export default defineConfig({
  base: './',
  plugins: [worldPlaces()],
  build: {
    outDir: process.env.OCINDEX_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
});
