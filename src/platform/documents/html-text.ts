import { BULLET, TABLE_CELL_SEPARATOR, joinLines } from './xml-text.js';

/**
 * The main text of a saved web page (a unit's page with a published plan or a district's area)
 * in the readers' convention (xml-text.ts). linkedom parses the page without a browser and
 * Mozilla's Readability (Firefox's reader view) picks the article out of it. What every police
 * unit's site wraps around the article is removed first, so it never reaches the article: menus
 * and navigation, the header with the site's name, cookie and RODO banners, the footer, sidebars
 * and breadcrumbs, scripts and forms.
 */
const BOILERPLATE = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'form',
  'button',
  'select',
  'nav',
  'header',
  'footer',
  'aside',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');
/** Class names and ids of the same parts on sites whose markup is older than <nav> and <footer>. */
const BOILERPLATE_NAME =
  /(^|[\s_-])(cookies?|rodo|gdpr|consent|menu|navbar|nav|breadcrumbs?|footer|stopka|sidebar|banner|skip-?links?|social|share|wcag|accessibility|search)([\s_-]|$)/i;

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'ADDRESS',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'CENTER',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IMG', 'SVG']);

interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
  parentNode?: Node | null;
}

const ELEMENT = 1;
const TEXT = 3;

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A table's own rows (not those of a table nested in a cell), each its cells' text joined. */
function tableRows(table: Node): string[] {
  const rows: string[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== ELEMENT) continue;
      if (child.nodeName === 'TR') {
        const cells = Array.from(child.childNodes).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');
        const row = cells.map((c) => squeeze(c.textContent ?? ''));
        if (row.some(Boolean)) rows.push(row.join(TABLE_CELL_SEPARATOR));
      } else if (child.nodeName !== 'TABLE') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** Lines of an element's contents: blocks and list items their own lines, tables row by row. */
export function elementLines(root: Node): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = squeeze(current);
    if (line && line !== BULLET.trim()) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT || SKIPPED.has(node.nodeName)) return;
    const name = node.nodeName;
    if (name === 'BR') return flush();
    if (name === 'TABLE') {
      flush();
      lines.push('', ...tableRows(node), '');
      return;
    }
    if (name === 'LI') {
      flush();
      current = BULLET;
    } else if (BLOCKS.has(name)) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (name === 'LI' || BLOCKS.has(name)) flush();
  };
  walk(root);
  flush();
  return lines;
}

interface Element extends Node {
  remove(): void;
  getAttribute(name: string): string | null;
}

/** The page's main text; its heading (h1) is the first line when the article does not begin with it. */
export async function htmlText(html: string): Promise<string> {
  // A DOM and Readability load only when a web page comes (see pdf-text.ts).
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const { document } = parseHTML(html.replace(/\0/g, ''));
  for (const element of Array.from(document.querySelectorAll(BOILERPLATE)) as Element[]) element.remove();
  for (const element of Array.from(document.querySelectorAll('[class],[id]')) as Element[]) {
    if (BOILERPLATE_NAME.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`)) element.remove();
  }
  // The page's own heading, not Readability's title: that one is guessed from <title>, which on
  // police sites is "article – unit's name", and the guess may keep the unit's name instead.
  const heading = squeeze(document.querySelector('h1')?.textContent ?? '');
  const article = new Readability(document, { charThreshold: 100, keepClasses: false }).parse();
  let lines: string[];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    lines = elementLines(content.body);
    if (heading && !lines.slice(0, 3).some((line) => line.includes(heading))) lines.unshift(heading);
  } else {
    // Too little for Readability to call an article (a short area description): the page without its boilerplate.
    lines = document.body ? elementLines(document.body) : [];
  }
  return joinLines(lines);
}
