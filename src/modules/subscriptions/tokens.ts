import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The tokens in a follower's links. The database keeps only their SHA-256 hashes, so a copy of it
 * cannot confirm or cancel anyone's subscription. The confirmation token is random and sent once;
 * the unsubscribe token is derived from a server secret and the subscription's id, so every later
 * mail can carry it without the raw token ever being stored.
 */

/** A URL-safe token of 256 random bits (43 characters). */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const unsubscribeToken = (secret: string, subscriptionId: string): string =>
  createHmac('sha256', secret).update(`unsubscribe:${subscriptionId}`).digest('base64url');

/** What a token from a link may look like before it is hashed: 43 base64url characters. */
export const isTokenShape = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
