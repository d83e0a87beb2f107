import { createHash } from 'node:crypto';

/**
 * A small Atom 1.0 writer (RFC 4287): the few elements our feeds use, every text escaped. Ids are
 * URIs that never change (§4.2.6), so they are made from stored values, not from the address the
 * feed was read on.
 */

export const atomContentType = 'application/atom+xml; charset=utf-8';

/** Text for XML content and attribute values; characters XML 1.0 forbids are dropped, not sent. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  author?: string;
  summary?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own address (rel="self") and the page it follows. */
  self: string;
  page: string;
  author: string;
  /** Newest first; the feed's `updated` is the first entry's (or the epoch with none). */
  entries: AtomEntry[];
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

export function atomXml(feed: AtomFeed): string {
  const updated = (feed.entries[0]?.updated ?? new Date(0)).toISOString();
  const entries = feed.entries
    .map(
      (e) =>
        `<entry>${element('id', e.id)}${element('title', e.title)}<link href="${escapeXml(e.link)}"/>${element('updated', e.updated.toISOString())}` +
        `${e.author ? `<author>${element('name', e.author)}</author>` : ''}${e.summary ? element('summary', e.summary) : ''}</entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">${element('id', feed.id)}${element('title', feed.title)}` +
    `${element('updated', updated)}<author>${element('name', feed.author)}</author><link rel="self" href="${escapeXml(feed.self)}"/>` +
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.page)}"/>${entries}</feed>`
  );
}

/** "urn:uuid:…": a UUID (version 4 layout) drawn from stored values, the same across restarts. */
export function stableUuidUrn(...parts: string[]): string {
  const bytes = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
