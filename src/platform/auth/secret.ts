import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { keepFirstSetting } from '../db/settings.js';

/**
 * The secrets that belong to one running installation: they sign its cookies and CSRF tokens.
 * A backup leaves them out (platform/db/backup), so a restored copy signs with new ones and its
 * users sign in again; other secrets (the feed id, unsubscribe links already mailed) must survive.
 */
export const instanceSecrets = { cookie: 'cookie_secret', csrf: 'csrf_hmac_key' } as const;

/**
 * A random secret kept in the database, so every instance on one database shares it and a
 * restart keeps signed cookies valid. Created on first use.
 */
export async function loadOrCreateSecret(db: Db, key: string): Promise<string> {
  return (await keepFirstSetting(db, key, randomBytes(32).toString('base64url'))) as string;
}
