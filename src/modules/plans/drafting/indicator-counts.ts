import type { Db } from '../../../platform/db/database.js';
import type { Localized } from '../../../platform/i18n/i18n.js';
import type { EvidenceWindow } from './window.js';

/** One line of indicator data (incidents, interventions…) for the district over the window. */
export interface IndicatorCount {
  /** The indicator's category as its data names it. */
  category: string;
  label: Localized;
  count: number;
}

/**
 * THE SEAM for indicator data (issue 15, "Indicator data", built in `src/modules/indicators`):
 * counts by category of the district's imported incidents and interventions over the window. It
 * answers nothing until that module exists; wiring it is this one function's body, e.g.
 * `return indicatorCountsByCategory(db, district.id, window.from, window.to)` from
 * `../../indicators/index.js`. The panel shows these lines beside the reports when there are any.
 */
export function indicatorCounts(_db: Db, _district: { id: string; unitId: string }, _window: EvidenceWindow): Promise<IndicatorCount[]> {
  return Promise.resolve([]);
}
