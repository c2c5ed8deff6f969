import { defineConfig } from 'rolldown';

/**
 * The server compiled ahead of time (`npm run build:server`): one ES module, `dist-server/main.js`,
 * run by plain `node` with no TypeScript loader. Packages stay in node_modules (PGlite finds its
 * WebAssembly next to itself); paths the server resolves from `import.meta.url` (`../package.json`,
 * `../client/dist`, `../db/migrations`) hold from `dist-server/` as from `server/` and `db/`.
 */
export default defineConfig({
  input: 'server/main.ts',
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  output: { dir: 'dist-server', format: 'esm', sourcemap: true, cleanDir: true, codeSplitting: false },
});
