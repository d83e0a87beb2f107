import { createContext } from 'react';

/**
 * What the parts of one page tell the layout while it renders: an error summary says that errors
 * are shown, so the layout's <title> starts with "Błąd: " on every form, not by each page's choice.
 * The layout renders its <title> after the page's content (React 19 hoists it into <head>), so the
 * summary has already been rendered when the title is written; one object per rendered page.
 */
export interface PageState {
  errorsShown: boolean;
}

export const PageStateContext = createContext<PageState | null>(null);
