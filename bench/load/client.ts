/**
 * The mixed load's HTTP client: Node's fetch (undici, keep-alive, no connection cap, so an open
 * loop is never queued behind its own pool), a staff session's cookies and CSRF token, and the
 * address the request comes from as a reverse proxy would tell it (X-Forwarded-For, TRUST_PROXY=1).
 */

export interface Session {
  login: string;
  /** The session and CSRF cookies, as a browser sends them back. */
  cookie: string;
  /** The token the sign-in answer gave, sent with every write (x-csrf-token). */
  csrf: string;
  /** The officer's workstation, the same for all their requests. */
  address: string;
}

export interface Answer {
  status: number;
  /** The server's request id (x-request-id): the audit log records it with every change. */
  requestId: string | null;
  /** The parsed body of a JSON answer, else null. */
  json: unknown;
}

export interface Request {
  method?: 'GET' | 'POST' | 'PATCH';
  path: string;
  /** The client's address; a staff request uses its session's. */
  address?: string;
  session?: Session;
  body?: unknown;
  /** Ask for the HTML page, as a browser does. */
  html?: boolean;
}

/** No answer within this long counts as an error (the request is abandoned). */
export const requestTimeoutMs = 30_000;

export async function send(base: string, request: Request): Promise<Answer> {
  const headers: Record<string, string> = { accept: request.html ? 'text/html' : 'application/json' };
  const address = request.session?.address ?? request.address;
  if (address) headers['x-forwarded-for'] = address;
  if (request.session) {
    headers.cookie = request.session.cookie;
    if (request.method && request.method !== 'GET') headers['x-csrf-token'] = request.session.csrf;
  }
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${request.path}`, {
    method: request.method ?? 'GET',
    headers,
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  // The whole body is read before the request counts as answered, as a browser waits for it.
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').startsWith('application/json') ? (JSON.parse(text) as unknown) : null;
  return { status: response.status, requestId: response.headers.get('x-request-id'), json };
}

/** A GET of a JSON answer during the set-up (not measured). */
export function getJson(base: string, path: string, session?: Session): Promise<Answer> {
  return send(base, { path, address: '192.0.2.1', ...(session ? { session } : {}) });
}

/** Signs in through the API, as the tests' client does: the session cookie and the CSRF token. */
export async function signIn(base: string, login: string, password: string, address: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ login, password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  if (response.status !== 200 || !body.csrfToken) throw new Error(`sign-in of ${login}: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .join('; ');
  return { login, cookie, csrf: body.csrfToken, address };
}
