import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { keepFirstSetting } from '../db/settings.js';

/**
 * A random secret kept in the database, so every instance on one database shares it and a
 * restart keeps signed cookies valid. Created on first use.
 */
export async function loadOrCreateSecret(db: Db, key: string): Promise<string> {
  return (await keepFirstSetting(db, key, randomBytes(32).toString('base64url'))) as string;
}
