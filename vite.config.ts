import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { parseLogPin } from './shared/log/log-pin-text';
import { parseWitnessPins } from './shared/witness/witness-policy';

const apiPort = process.env['PORT'] ?? '8080';

/**
 * The log pin a deployment may build into its client (`PARLEY_LOG_KEY`: the verifier key that
 * `npm run admin -- log-key` prints; `PARLEY_LOG_LEGACY_BEFORE`: its legacy boundary, 0 by
 * default). A value that does not parse stops the build rather than ship a client that pins nothing.
 */
const builtLogPin = () => {
  const key = process.env['PARLEY_LOG_KEY']?.trim() ?? '';
  const legacyBefore = process.env['PARLEY_LOG_LEGACY_BEFORE']?.trim() || '0';
  if (key !== '') {
    const parsed = parseLogPin(key, legacyBefore);
    if (!parsed.ok) {
      throw new Error(`PARLEY_LOG_KEY / PARLEY_LOG_LEGACY_BEFORE: ${parsed.reason}`);
    }
  }
  return { key, legacyBefore };
};

/** The witness pins a deployment may build in (`PARLEY_WITNESS_KEYS`); a bad value stops the build. */
const builtWitnessPins = () => {
  const text = process.env['PARLEY_WITNESS_KEYS']?.trim() ?? '';
  const parsed = parseWitnessPins(text);
  if (!parsed.ok) {
    throw new Error(`PARLEY_WITNESS_KEYS: ${parsed.reason}`);
  }
  return text;
};

export default defineConfig({
  root: 'client',
  plugins: [react()],
  define: {
    __PARLEY_LOG_PIN__: JSON.stringify(builtLogPin()),
    __PARLEY_WITNESS_PINS__: JSON.stringify(builtWitnessPins()),
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
});
