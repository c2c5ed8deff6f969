/**
 * A PostgreSQL connection URL as libpq reads it, several hosts included:
 * `postgres://user@10.0.0.1:5432,10.0.0.2:5432/parley?target_session_attrs=read-write`.
 * node-postgres takes one host only, so each host becomes a URL of its own.
 */
export type PostgresTargets = {
  /** One single-host URL per listed host, in the listed order; the rest of the URL unchanged. */
  readonly urls: readonly string[];
  /** `read-write`: connect only to a server that accepts writes (the primary). */
  readonly requireWritable: boolean;
};

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/;
const SESSION_ATTRS = /([?&])target_session_attrs=([^&#]*)&?/;

/** Parses the URL; throws an Error whose message never repeats the URL (it may hold a password). */
export const parsePostgresTargets = (value: string): PostgresTargets => {
  const parts = URL_PARTS.exec(value);
  if (!parts) {
    throw new Error('must be a postgres:// or postgresql:// URL with a host');
  }
  const [, scheme = '', userInfo = '', hostList = '', rest = ''] = parts;
  const attrs = SESSION_ATTRS.exec(rest);
  const sessionAttrs = attrs?.[2] ?? 'any';
  if (sessionAttrs !== 'any' && sessionAttrs !== 'read-write') {
    throw new Error('target_session_attrs must be read-write or any');
  }
  const remainder = attrs ? rest.replace(SESSION_ATTRS, (_all, lead: string) => lead).replace(/[?&]$/, '') : rest;
  const hosts = hostList.split(',');
  const urls = hosts.map((host) => `${scheme}${userInfo}${host}${remainder}`);
  for (const url of urls) {
    if (!isSingleHostUrl(url)) {
      throw new Error('must be a postgres:// or postgresql:// URL with a host (or host:port list)');
    }
  }
  return { urls, requireWritable: sessionAttrs === 'read-write' };
};

const isSingleHostUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
};
