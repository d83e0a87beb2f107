import { isIP } from 'node:net';
import { ConfigError, flag } from '../config/config.js';
import { S3Error, type S3FileStore } from './s3-store.js';

/** Where and how the S3-compatible bucket is reached (S3_* variables; docs/deploy.md). */
export interface S3Options {
  /** Origin and an optional base path, without a trailing slash: `https://s3.eu-central-1.amazonaws.com`. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The bucket in the path (MinIO, Ceph, Garage usually) rather than in the host name (AWS's default). */
  forcePathStyle: boolean;
  /** Put before every key: '' or segments each ending in '/', so one bucket can serve several deployments. */
  prefix: string;
  /** Sent as x-amz-server-side-encryption with every upload; null leaves it to the bucket's default. */
  serverSideEncryption: ServerSideEncryption | null;
}

export type ServerSideEncryption = 'AES256' | 'aws:kms';

type Env = Record<string, string | undefined>;

const variables = [
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_PREFIX',
  'S3_SERVER_SIDE_ENCRYPTION',
] as const;

// S3's own bucket naming rules; a name with dots cannot use virtual-host addressing over HTTPS
// (the certificate's wildcard covers one label), which docs/deploy.md says.
const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const regionName = /^[a-z0-9][a-z0-9-]{0,62}$/;
const prefixSegment = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Reads the S3 settings; null when no S3_* variable is set (attachments then stay in the database
 * or a directory). One set and another missing is a mistake, so it stops the start with a
 * ConfigError naming the variable, in Polish and English. The secret is never repeated in a message.
 */
export function s3OptionsFromEnv(env: Env): S3Options | null {
  const given = variables.filter((name) => (env[name]?.trim() ?? '') !== '');
  if (given.length === 0) return null;
  const required = (name: (typeof variables)[number], what: string, whatEnglish: string): string => {
    const value = env[name]?.trim() ?? '';
    if (value === '') {
      throw new ConfigError(
        `${name}: brak wartości (${what}), a ustawiono ${given.join(', ')} / missing (${whatEnglish}) while ${given.join(', ')} are set`,
      );
    }
    return value;
  };

  const regionRaw = env.S3_REGION?.trim() ?? '';
  if (regionRaw !== '' && !regionName.test(regionRaw)) {
    throw new ConfigError(
      `S3_REGION="${regionRaw}": oczekiwano nazwy regionu z małych liter, cyfr i łączników (np. eu-central-1) / expected a region name of lowercase letters, digits and hyphens (e.g. eu-central-1)`,
    );
  }
  const endpointRaw = env.S3_ENDPOINT?.trim() ?? '';
  if (endpointRaw === '' && regionRaw === '') {
    throw new ConfigError(
      'S3_ENDPOINT: brak wartości; podaj adres usługi (np. https://minio.example.gov.pl:9000) albo S3_REGION dla AWS / ' +
        'missing; give the service address (e.g. https://minio.example.gov.pl:9000) or S3_REGION for AWS',
    );
  }
  // Without an endpoint the bucket is on AWS, whose address follows from the region; with one
  // and no region, us-east-1 is what MinIO, Ceph and Garage accept by default.
  const endpoint = endpointRaw === '' ? `https://s3.${regionRaw}.amazonaws.com` : endpointUrl(endpointRaw);
  const region = regionRaw === '' ? 'us-east-1' : regionRaw;

  const bucket = required('S3_BUCKET', 'nazwa kubełka', "the bucket's name");
  if (!bucketName.test(bucket) || bucket.includes('..') || isIP(bucket) !== 0) {
    throw new ConfigError(
      `S3_BUCKET="${bucket}": oczekiwano od 3 do 63 małych liter, cyfr, kropek lub łączników, zaczynając i kończąc literą lub cyfrą / ` +
        'expected 3 to 63 lowercase letters, digits, dots or hyphens, beginning and ending with a letter or digit',
    );
  }
  const accessKeyId = required('S3_ACCESS_KEY_ID', 'identyfikator klucza dostępu', 'the access key id');
  // The id goes into the Authorization header's Credential=id/date/...: a slash or comma would split it.
  if (!/^[\x21-\x7e]+$/.test(accessKeyId) || /[/,]/.test(accessKeyId)) {
    throw new ConfigError(
      `S3_ACCESS_KEY_ID="${accessKeyId}": dozwolone są znaki ASCII bez spacji, ukośnika i przecinka / only ASCII characters without spaces, slashes or commas are allowed`,
    );
  }
  const secretRaw = env.S3_SECRET_ACCESS_KEY ?? '';
  const secretAccessKey = required('S3_SECRET_ACCESS_KEY', 'tajny klucz dostępu', 'the secret access key');
  if (secretRaw !== secretAccessKey || !/^[\x21-\x7e]+$/.test(secretAccessKey)) {
    throw new ConfigError(
      'S3_SECRET_ACCESS_KEY: zawiera spację, znak sterujący lub znak spoza ASCII (wartość nie jest tu pokazywana; czy to błąd przy kopiowaniu?) / ' +
        'contains a space, a control or a non-ASCII character (the value is not shown here; a copy-and-paste slip?)',
    );
  }
  const forcePathStyle = flag(env, 'S3_FORCE_PATH_STYLE', false);
  const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
  if (!forcePathStyle && isIP(host) !== 0) {
    throw new ConfigError(
      `S3_FORCE_PATH_STYLE: adres S3_ENDPOINT to adres IP (${host}), więc kubełek nie może być częścią nazwy hosta; ustaw S3_FORCE_PATH_STYLE=true / ` +
        `S3_ENDPOINT is an IP address (${host}), so the bucket cannot be part of the host name; set S3_FORCE_PATH_STYLE=true`,
    );
  }
  return {
    endpoint,
    region,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle,
    prefix: keyPrefix(env.S3_PREFIX?.trim() ?? ''),
    serverSideEncryption: serverSideEncryption(env.S3_SERVER_SIDE_ENCRYPTION?.trim() ?? ''),
  };
}

function endpointUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`S3_ENDPOINT="${raw}": nieprawidłowy adres URL / not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`S3_ENDPOINT="${raw}": oczekiwano adresu https:// lub http:// / expected an https:// or http:// URL`);
  }
  if (url.username !== '' || url.password !== '') {
    // Shown without the value: a password in it must not reach the log.
    throw new ConfigError(
      'S3_ENDPOINT: adres zawiera nazwę użytkownika lub hasło; klucze podaj w S3_ACCESS_KEY_ID i S3_SECRET_ACCESS_KEY / ' +
        'the URL holds a user name or password; give the keys in S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`S3_ENDPOINT="${raw}": adres nie może zawierać ? ani # / the URL cannot hold ? or #`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function keyPrefix(raw: string): string {
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  if (trimmed.length > 200 || !trimmed.split('/').every((segment) => prefixSegment.test(segment))) {
    throw new ConfigError(
      `S3_PREFIX="${raw}": oczekiwano członów z liter, cyfr, kropek, podkreśleń i łączników, rozdzielonych ukośnikami, np. dzielnicowy/zalaczniki / ` +
        'expected segments of letters, digits, dots, underscores and hyphens separated by slashes, e.g. dzielnicowy/attachments',
    );
  }
  return `${trimmed}/`;
}

function serverSideEncryption(raw: string): ServerSideEncryption | null {
  if (raw === '') return null;
  if (raw.toUpperCase() === 'AES256') return 'AES256';
  if (raw.toLowerCase() === 'aws:kms') return 'aws:kms';
  throw new ConfigError(`S3_SERVER_SIDE_ENCRYPTION="${raw}": oczekiwano AES256 lub aws:kms / expected AES256 or aws:kms`);
}

/** What /health/ready can say of the bucket; the detail goes to the log, never to the anonymous caller. */
export type S3Readiness = 'ok' | 'unreachable' | 'denied' | 'missing-bucket' | 'failing';

interface WarnLog {
  warn(details: object, message: string): void;
}

/**
 * Readiness of the bucket: one HEAD on it, once, with a short timeout (the probe itself is
 * repeated by whoever asks, so retries here would only delay the answer).
 */
export async function checkS3(store: S3FileStore, log?: WarnLog): Promise<S3Readiness> {
  try {
    await store.headBucket();
    return 'ok';
  } catch (error) {
    log?.warn({ err: error }, 'readiness check: the S3 bucket does not answer');
    if (!(error instanceof S3Error) || error.status === null) return 'unreachable';
    if (error.status === 403 || error.status === 401) return 'denied';
    if (error.status === 404) return 'missing-bucket';
    return 'failing';
  }
}
