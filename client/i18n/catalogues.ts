import type { Resource } from 'i18next';

/**
 * Every catalogue under `locales/<language>/<namespace>.json`, found at build time, so that adding
 * a namespace is adding its three JSON files and nothing else.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', {
  eager: true,
});

const FILE_NAME = /^\.\/locales\/([a-z]{2})\/([a-z0-9-]+)\.json$/;

/** The catalogues as i18next resources: language → namespace → keys. */
export const catalogues = (): Resource => {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(files)) {
    const match = FILE_NAME.exec(path);
    if (!match?.[1] || !match[2]) {
      throw new Error(`catalogue file ${path} is not locales/<language>/<namespace>.json`);
    }
    const language = match[1];
    resources[language] = { ...resources[language], [match[2]]: module.default };
  }
  return resources;
};

/** The namespaces that have a catalogue, for i18next's `ns` option. */
export const namespaces = (resources: Resource): string[] =>
  [...new Set(Object.values(resources).flatMap((byNamespace) => Object.keys(byNamespace)))].sort();
