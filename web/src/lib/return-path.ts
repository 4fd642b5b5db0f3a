/**
 * Where to take a person once they have an account: registration ends with an emailed link,
 * which may open after a while in a fresh tab, so the page they were on when they chose to
 * register ("Book" on a car park) is kept in this browser until the link is opened.
 */
const RETURN_PATH_KEY = 'aiparksit.returnAfterVerification';
/** As long as a verification link is valid by default (EMAIL_VERIFICATION_TTL_SECONDS); a checkout older than that is stale anyway. */
const RETURN_PATH_TTL_MS = 48 * 3_600_000;

/** A path on this site (never `//host` or a full URL, which would make it an open redirect). */
export function isSitePath(path: string | null | undefined): path is string {
  return !!path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}

export function rememberReturnPath(path: string | null, now: Date = new Date()): void {
  try {
    if (isSitePath(path)) localStorage.setItem(RETURN_PATH_KEY, JSON.stringify({ path, at: now.getTime() }));
    else localStorage.removeItem(RETURN_PATH_KEY);
  } catch {
    // Storage refused (private mode): the person lands on the home page instead.
  }
}

/** The remembered path, once: it is forgotten as it is read. */
export function takeReturnPath(now: Date = new Date()): string | null {
  try {
    const stored = localStorage.getItem(RETURN_PATH_KEY);
    localStorage.removeItem(RETURN_PATH_KEY);
    if (!stored) return null;
    const { path, at } = JSON.parse(stored) as { path?: unknown; at?: unknown };
    if (typeof path !== 'string' || !isSitePath(path) || typeof at !== 'number' || now.getTime() - at > RETURN_PATH_TTL_MS) return null;
    return path;
  } catch {
    return null;
  }
}
