import { createElement, type ReactElement } from 'react';
import type { PageContext } from '../../platform/render/page-context.js';
import { districtUrl } from '../districts/index.js';
import { FollowSection } from './pages.js';

/** The district page's "follow" section, as src/app.ts hands it to the districts module. */
export function districtFollowSection(ctx: PageContext, d: { id: string; number: number; name: string; unitName: string }): ReactElement {
  return createElement(FollowSection, {
    ctx,
    district: { label: `${d.name} (${d.unitName})`, url: districtUrl(d.id) },
  });
}
