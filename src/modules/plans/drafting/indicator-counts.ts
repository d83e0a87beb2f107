import type { Db } from '../../../platform/db/database.js';
import type { Localized } from '../../../platform/i18n/i18n.js';
import type { EvidenceWindow } from './window.js';
import { districtCountsByCategory } from '../../indicators/index.js';

/** One line of indicator data (incidents, interventions…) for the district over the window. */
export interface IndicatorCount {
  /** The indicator's category as its data names it. */
  category: string;
  label: Localized;
  count: number;
}

/**
 * Counts by category of the district's imported incidents and interventions over the window
 * (`src/modules/indicators`: the unit's CSV imports). The panel shows these lines beside the reports
 * when there are any; imported categories are the unit's own words, so the label is the category.
 */
export async function indicatorCounts(db: Db, district: { id: string; unitId: string }, window: EvidenceWindow): Promise<IndicatorCount[]> {
  const rows = await districtCountsByCategory(db, district.id, window);
  return rows.map((row) => ({ category: row.category, label: { pl: row.category, en: row.category }, count: row.count }));
}
