import type { Lang } from '../i18n/i18n.js';
import type { Principal } from '../auth/principal.js';

/** What every server-rendered page needs to know about the request. */
export interface PageContext {
  lang: Lang;
  principal: Principal | null;
  /** Token for forms that change something (CSRF). */
  csrfToken: string;
  /** Path and query of the current page, for the language switch and return links. */
  currentUrl: string;
  /** One-off notice shown at the top of the page (after a redirect). */
  notice?: string | null;
}
