/**
 * The log pin a deployment builds into the client: vite.config.ts defines it from
 * `PARLEY_LOG_KEY` and `PARLEY_LOG_LEGACY_BEFORE` (empty key: none). Undefined outside a Vite build.
 */
declare const __PARLEY_LOG_PIN__: { readonly key: string; readonly legacyBefore: string } | undefined;

/**
 * The witness pins a deployment builds into the client: vite.config.ts defines it from
 * `PARLEY_WITNESS_KEYS` (`<party>=<witness key>`, comma-separated; empty: none).
 */
declare const __PARLEY_WITNESS_PINS__: string | undefined;
