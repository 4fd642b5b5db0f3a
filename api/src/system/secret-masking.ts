const MASK = '********';
/** Names that hold secrets whatever the schema says (OWASP logging cheat sheet: never export credentials). */
const SECRET_NAME = /secret|password|passwd|token|key|credential/i;

/**
 * One setting as it may leave the server in a diagnostics file: a secret-looking name or a
 * sensitive setting is masked; a URL keeps its scheme, host, port and path but not the user
 * name and password in it (`postgres://***:***@db:5432/aiparksit`), nor its query string, where
 * keys and tokens often ride. Unset values stay visible as unset.
 */
export function maskSetting(name: string, value: unknown, sensitive = false): unknown {
  if (value === undefined || value === null || value === '') return value ?? null;
  // Limits such as THROTTLE_API_KEY_LIMIT are named after keys without being one.
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (SECRET_NAME.test(name)) return MASK;
  if (typeof value === 'string') {
    const url = maskUrl(value);
    if (url !== undefined) return url;
    return sensitive ? MASK : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskSetting(name, item, sensitive));
  return sensitive ? MASK : value;
}

function maskUrl(value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return MASK;
  }
  if (url.username) url.username = '***';
  if (url.password) url.password = '***';
  if (url.search) url.search = '?***';
  return url.toString();
}

/** Masks every string in a free-form structure whose key looks secret, and credentials in any URL in it. */
export function maskDeep(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v, k)]));
  }
  if (typeof value === 'string') {
    if (key && SECRET_NAME.test(key) && value !== '') return MASK;
    return value.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi, '$1***:***@');
  }
  return value;
}
