import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import ipaddr from 'ipaddr.js';

/** Where the project's files live, whether running from src/ (tests) or dist/src/ (built). */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'dzielnicowy') return dir;
    } catch {
      // keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (package.json of dzielnicowy)');
    dir = parent;
  }
}

export const appVersion: string = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * How the embedded database writes: `full` makes every commit reach the disk before it is
 * acknowledged (fsync); `relaxed` leaves it to the operating system, so a power cut can lose the
 * last seconds of acknowledged writes or corrupt the database (a killed process loses nothing).
 * See platform/db/durability.ts and BENCHMARKS.md for the cost.
 */
export type Durability = 'full' | 'relaxed';

/** `poolSize`: connections this process opens to the server at most (DATABASE_POOL_SIZE; docs/deploy.md sizes it). */
export type DatabaseTarget =
  { kind: 'embedded'; dataDir: string; durability?: Durability } | { kind: 'postgres'; url: string; poolSize?: number };

export interface Config {
  host: string;
  port: number;
  /** Base URL the public reaches the app at; used for links in documents and for Secure cookies. */
  publicUrl: string;
  /**
   * Whether PUBLIC_URL was set. When it was not, links a request answers with (poster QR, feeds,
   * API `url` fields) use the address that request reached the site on (see http/site-url.ts);
   * `publicUrl` (http://localhost:PORT) stays only for messages sent without a request.
   */
  publicUrlSet: boolean;
  dataDir: string;
  database: DatabaseTarget;
  loadDemoData: boolean;
  logLevel: string;
  /** LOG_FORMAT: json or pretty; null: chosen by whether standard output is a terminal (observe/log-format.ts). */
  logFormat: 'json' | 'pretty' | null;
  /** Queries slower than this many milliseconds are logged at warn, without their parameters. */
  slowQueryMs: number;
  /** Bearer token that opens GET /metrics from anywhere; null: only from this machine (observe/metrics-access.ts). */
  metricsToken: string | null;
  /** Reverse proxies in front of the app: none, a number of hops, or their addresses/subnets. */
  trustProxy: TrustProxy;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginRateLimitPerMinute: number;
  /** The base layer of every map (tiles), with our own data drawn when it is off or unreachable. */
  mapTiles: MapTiles;
  /** smtp:// or smtps:// URL of the mail server; null = mail stays in the outbox table. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Uploaded documents are read in worker threads: how many, the queue, each one's heap and time. */
  documentWorkers: number;
  documentQueue: number;
  documentWorkerMemoryMb: number;
  documentTimeLimitSeconds: number;
  /** Documents parsed per minute per client without an account (staff get more: see plans/import/plan-reader.ts). */
  documentRateLimitPerMinute: number;
  /** Whether this process runs the retention job itself (5 minutes after start, then hourly); else only `cli retention run` does. */
  retentionJob: boolean;
  /** Whether this process runs the e-mail reminder job (2 minutes after start, then hourly); else only `cli reminders` does. */
  reminderJob: boolean;
  /** The scheduled jobs' first run this long after start (JOB_FIRST_RUN_SECONDS); null: each job's own (minutes). */
  jobFirstRunSeconds: number | null;
  /** Where the server back end keeps uploaded files (FILE_STORE); the embedded one always uses DATA_DIR/files (files/create-store.ts). */
  fileStore: 'database' | 's3';
}

export class ConfigError extends Error {}

export type TrustProxy = false | number | string[];

// Names proxy-addr (Fastify's X-Forwarded-For reader) knows for common private ranges.
const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `false` (no proxy; X-Forwarded-For is ignored), a number of proxies that each
 * append to X-Forwarded-For, or a comma-separated list of proxy addresses/subnets. Either way the
 * client's address is the one the last trusted proxy saw. `true` (trust every hop) would take the
 * leftmost entry, which the client writes itself: it is refused rather than silently read as "1",
 * because only the operator knows how many proxies there are, and a wrong guess either lets
 * clients choose their address or puts every client under one address's limits.
 */
function trustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  const lower = value.toLowerCase();
  if (['', 'false', '0', 'no', 'nie', 'off'].includes(lower)) return false;
  if (['true', 'yes', 'tak', 'on'].includes(lower)) {
    throw new ConfigError(
      `TRUST_PROXY="${value}": zaufanie wszystkim pośrednikom pozwala każdemu klientowi podać dowolny adres IP. ` +
        'Podaj liczbę serwerów pośredniczących (np. 1 dla jednego nginx) albo listę ich adresów lub podsieci (np. 10.0.0.0/8,127.0.0.1). / ' +
        'trusting every proxy lets any client choose its IP address. ' +
        'Give the number of reverse proxies (e.g. 1 for one nginx) or a comma-separated list of their addresses or subnets (e.g. 10.0.0.0/8,127.0.0.1).',
    );
  }
  if (/^\d+$/.test(value)) return integer({ TRUST_PROXY: value }, 'TRUST_PROXY', 0, 1, 10);
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (proxyRangeNames.includes(entry)) continue;
    const [address = '', prefix] = entry.split('/');
    // Only the usual spellings: ipaddr.js also reads "1.5" (as 1.0.0.5) and "0x7f.1" as IPv4.
    const kind = ipaddr.IPv4.isValidFourPartDecimal(address) ? 'ipv4' : ipaddr.IPv6.isValid(address) ? 'ipv6' : null;
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!kind || Number.isNaN(bits) || (bits !== null && bits > (kind === 'ipv4' ? 32 : 128))) {
      throw new ConfigError(
        `TRUST_PROXY="${value}": „${entry}” nie jest adresem IP ani podsiecią (np. 10.0.0.0/8) / "${entry}" is not an IP address or a subnet (e.g. 10.0.0.0/8)`,
      );
    }
    // A subnet wider than /8 (IPv4) or /7 (IPv6, fc00::/7 holds every private address) is not a
    // list of proxies: it trusts much of the internet, which lets clients choose their address.
    if (bits !== null && bits < (kind === 'ipv4' ? 8 : 7)) {
      throw new ConfigError(
        `TRUST_PROXY="${value}": podsieć „${entry}” jest zbyt szeroka (najwyżej /8 dla IPv4, /7 dla IPv6): zaufanie jej pozwala klientom podać dowolny adres. Podaj adresy swoich serwerów pośredniczących. / ` +
          `the subnet "${entry}" is too wide (at most /8 for IPv4, /7 for IPv6): trusting it lets clients choose their address. List your reverse proxies.`,
      );
    }
  }
  return entries;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}": oczekiwano liczby całkowitej od ${min} do ${max} / expected an integer from ${min} to ${max}`);
  }
  return value;
}

/** A true/false variable: 1/true/yes/tak/on or 0/false/no/nie/off; unset or empty gives `fallback`. */
export function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'tak', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'nie', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}="${env[name]}": oczekiwano true/false / expected true or false`);
}

export interface MapTiles {
  /** A {z}/{x}/{y} template ({s} for subdomains); null: no tiles, the map is drawn from our own data. */
  url: string | null;
  /** Plain text shown on the map (escaped there), with a link when `attributionUrl` is set. */
  attribution: string;
  attributionUrl: string | null;
  maxZoom: number;
}

/**
 * OpenStreetMap's standard tiles: free, covering Poland, and what residents know. Their usage
 * policy asks for the attribution below and moderate traffic; a deployment with heavy traffic sets
 * its own source (e.g. the national geoportal's WMTS through a tile proxy, or a commercial one).
 */
const openStreetMap: MapTiles = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© autorzy OpenStreetMap / © OpenStreetMap contributors',
  attributionUrl: 'https://www.openstreetmap.org/copyright',
  maxZoom: 19,
};

/** http:// only for this machine (a tile server on loopback); anything public must be https. */
const tileTemplate = /^(?:https:\/\/[^/\s]+|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?)\/\S*\{z\}\S*\{x\}\S*\{y\}/;

/** MAP_TILES_URL (or its older name MAP_TILE_URL): a template, "none" for no tiles, unset for OpenStreetMap. */
function mapTiles(env: Env): MapTiles {
  const name = env.MAP_TILES_URL !== undefined ? 'MAP_TILES_URL' : 'MAP_TILE_URL';
  const value = env[name]?.trim();
  const attribution = (env.MAP_TILES_ATTRIBUTION ?? env.MAP_TILE_ATTRIBUTION)?.trim();
  const attributionUrl = env.MAP_TILES_ATTRIBUTION_URL?.trim() || null;
  if (attributionUrl && !/^https?:\/\/\S+$/.test(attributionUrl)) {
    throw new ConfigError(`MAP_TILES_ATTRIBUTION_URL="${attributionUrl}": oczekiwano adresu http(s):// / expected an http(s):// URL`);
  }
  const maxZoom = integer(env, 'MAP_TILES_MAX_ZOOM', 19, 1, 20);
  if (value === undefined || value === '') return { ...openStreetMap, maxZoom };
  if (['none', 'off', 'brak'].includes(value.toLowerCase())) return { url: null, attribution: '', attributionUrl: null, maxZoom };
  if (!tileTemplate.test(value)) {
    throw new ConfigError(
      `${name}="${value}": oczekiwano adresu https://…/{z}/{x}/{y}… albo „none” / expected an https URL with {z}, {x} and {y}, or "none"`,
    );
  }
  if (!attribution) {
    throw new ConfigError(
      `${name}: podaj też MAP_TILES_ATTRIBUTION (autorzy podkładu mapy) / set MAP_TILES_ATTRIBUTION too (who made the tiles)`,
    );
  }
  return { url: value, attribution, attributionUrl, maxZoom };
}

function smtpUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (!/^smtps?:\/\/[^/\s]+/.test(value)) {
    throw new ConfigError(`SMTP_URL: oczekiwano adresu smtp://… lub smtps://… / expected an smtp:// or smtps:// URL`);
  }
  return value;
}

/** One of a few words (any case); not set → `fallback`. */
function oneOf<T extends string, F extends T | null>(env: Env, name: string, words: readonly T[], fallback: F): T | F {
  const raw = env[name];
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if ((words as readonly string[]).includes(value)) return value as T;
  const list = words.join(' | ');
  throw new ConfigError(`${name}="${raw}": oczekiwano jednej z wartości ${list} / expected one of ${list}`);
}

/** A token someone could guess would open the metrics (route names, counts, the outbox) to anyone. */
function metricsToken(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (value.length < 16 || /\s/.test(value)) {
    throw new ConfigError(
      'METRICS_TOKEN: oczekiwano co najmniej 16 znaków bez spacji (np. openssl rand -hex 24) / expected at least 16 characters without spaces (e.g. openssl rand -hex 24)',
    );
  }
  return value;
}

/** Reads the configuration from environment variables; throws ConfigError with a clear message. */
export function loadConfig(env: Env = process.env): Config {
  // The per-IP report limit became an administrator's setting: an old value must not be dropped in silence.
  if (env.REPORT_RATE_LIMIT?.trim())
    throw new ConfigError(
      'REPORT_RATE_LIMIT nie jest już używane: limit zgłoszeń z adresu IP ustawia administrator krajowy na stronie /admin/settings (Ustawienia → Limity zgłoszeń). Usuń zmienną. / ' +
        'REPORT_RATE_LIMIT is retired: a national administrator sets the per-IP report limit at /admin/settings (Settings → Report limits). Remove the variable.',
    );
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || 'localhost';
  const dataDir = path.resolve(env.DATA_DIR?.trim() || path.join(process.cwd(), 'data'));
  const url = env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL musi zaczynać się od postgres:// / DATABASE_URL must start with postgres://');
  }
  const database: DatabaseTarget = url
    ? { kind: 'postgres', url, poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1_000) }
    : { kind: 'embedded', dataDir, durability: oneOf(env, 'PGLITE_DURABILITY', ['full', 'relaxed'] as const, 'full') };
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL="${publicUrl}": nieprawidłowy adres URL / not a valid URL`);
  }
  return {
    host,
    port,
    publicUrl,
    publicUrlSet: Boolean(env.PUBLIC_URL?.trim()),
    dataDir,
    database,
    // Demo accounts have published passwords: on by default only for the embedded database.
    loadDemoData: flag(env, 'DEMO_DATA', database.kind === 'embedded'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, null),
    slowQueryMs: integer(env, 'SLOW_QUERY_MS', 500, 0, 600_000),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    trustProxy: trustProxy(env.TRUST_PROXY),
    secureCookies: flag(env, 'COOKIE_SECURE', publicUrl.startsWith('https://')),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 240, 5, 7 * 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 30 * 24),
    loginRateLimitPerMinute: integer(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    mapTiles: mapTiles(env),
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM?.trim() || 'Dzielnicowy <no-reply@localhost>',
    // The cores less one for the event loop, at least 1 and at most 2: documents are occasional work.
    documentWorkers: integer(env, 'DOCUMENT_WORKERS', Math.max(1, Math.min(2, os.availableParallelism() - 1)), 1, 64),
    documentQueue: integer(env, 'DOCUMENT_QUEUE', 8, 0, 1_000),
    documentWorkerMemoryMb: integer(env, 'DOCUMENT_WORKER_MEMORY_MB', 256, 32, 16_384),
    documentTimeLimitSeconds: integer(env, 'DOCUMENT_TIME_LIMIT_SECONDS', 10, 1, 600),
    documentRateLimitPerMinute: integer(env, 'DOCUMENT_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    retentionJob: flag(env, 'RETENTION_JOB', true),
    reminderJob: flag(env, 'REMINDER_JOB', true),
    jobFirstRunSeconds: env.JOB_FIRST_RUN_SECONDS?.trim() ? integer(env, 'JOB_FIRST_RUN_SECONDS', 0, 0, 86_400) : null,
    // Setting the S3_* variables chooses the S3 store (docs/deploy.md); FILE_STORE says it outright.
    fileStore: oneOf(
      env,
      'FILE_STORE',
      ['database', 's3'] as const,
      Object.keys(env).some((k) => k.startsWith('S3_') && env[k]?.trim()) ? 's3' : 'database',
    ),
  };
}
