import type { MapTiles } from '../../../platform/config/config.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { TextAreaField, TextField, errorFor } from '../../../platform/render/components.js';
import { MapIsland } from '../../../platform/render/map-island.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import type { GoalArea } from '../measure/goal-area.js';
import { areaText } from './area-text.js';
import { editorMessages } from './messages.js';

/**
 * The goal's area in the editor: a name and its corners typed one a line (works without
 * JavaScript, area-text.ts); the map island (web/islands/map.ts, kind "draw") adds a corner to the
 * same field on each click and draws the shape over the district's outline.
 */
export function GoalAreaFields({
  ctx,
  area,
  typed,
  errors,
  map,
  districtId,
}: {
  ctx: PageContext;
  area: GoalArea | null;
  /** What was typed, when the form came back with errors: shown as it was, not as last saved. */
  typed?: { name: string; text: string } | undefined;
  errors: FieldError[];
  map: MapTiles;
  districtId: string;
}) {
  const m = editorMessages[ctx.lang];
  return (
    <fieldset className="fieldset fieldset--inner" id="goal-area">
      <legend className="field__label">{m.areaLegend}</legend>
      <TextField
        name="goal.area.name"
        label={m.areaName}
        hint={m.areaNameHint}
        value={typed?.name ?? area?.name ?? ''}
        error={errorFor(errors, 'goal.area.name')}
      />
      <TextAreaField
        name="goal.area.polygon"
        label={m.areaCorners}
        hint={m.areaHint}
        value={typed?.text ?? areaText(area?.polygon)}
        rows={5}
        spellCheck={false}
        code
        error={errorFor(errors, 'goal.area.polygon')}
      />
      <MapIsland
        kind="draw"
        tiles={map}
        label={m.areaMap}
        fallback={m.areaMap}
        data={{
          'data-field': 'field-goal.area.polygon',
          'data-undo': m.areaUndo,
          'data-area-url': `/api/v1/districts/${districtId}/area.geojson`,
        }}
      />
    </fieldset>
  );
}
