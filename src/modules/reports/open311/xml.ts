/**
 * The XML flavour of GeoReport v2: a root element, one element per item, one child element per
 * field. Nested objects become nested elements, lists repeat an item element (`itemNames` says
 * which: "endpoints" → "endpoint"), null becomes an empty element and undefined is left out.
 */

// Characters XML 1.0 cannot carry at all, even escaped (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const notXmlChar =
  // eslint-disable-next-line no-control-regex -- finding these characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content or an attribute value, escaped; characters XML cannot hold are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(notXmlChar, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: unknown, itemNames: Readonly<Record<string, string>>): string {
  // Element names come from our own code, never from input; a bad one is a programming error.
  if (!namePattern.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v, itemNames)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${escapeXml(value.toISOString())}</${name}>`;
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v, itemNames));
    return `<${name}>${children.join('')}</${name}>`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `<${name}>${escapeXml(String(value))}</${name}>`;
  throw new Error(`not an XML value: ${typeof value} in ${name}`);
}

/** A whole document with the XML declaration the specification asks for. */
export function xmlDocument(root: string, value: unknown, itemNames: Readonly<Record<string, string>> = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, itemNames)}\n`;
}
