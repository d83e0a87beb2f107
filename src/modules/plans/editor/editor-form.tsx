import type { PageContext } from '../../../platform/render/page-context.js';
import {
  CheckboxField,
  ChoiceGroup,
  CsrfField,
  SelectField,
  TextAreaField,
  TextField,
  errorFor,
} from '../../../platform/render/components.js';
import { categoryNames, transitionNames } from '../messages.js';
import { actionStatuses, diagnosisSources } from '../model.js';
import { indicatorSpecOf } from '../measure/model.js';
import { standardChannels } from './form.js';
import { editorMessages } from './messages.js';
import type { WorkPageProps } from './work-page.js';
import { nearOtherPartners } from '../../partners/index.js';
import { GoalAreaFields } from './area-fields.js';

/** The plan's form, saved as it is typed (autosave) and submitted for approval from here. */
export function Editor({
  ctx,
  plan,
  content,
  errors,
  partners,
  periodFrom,
  periodTo,
  map,
  typedArea,
}: Pick<WorkPageProps, 'ctx' | 'plan' | 'content' | 'errors' | 'partners' | 'periodFrom' | 'periodTo' | 'map' | 'typedArea'>) {
  const m = editorMessages[ctx.lang];
  const month = (d: string | null) => (d ? d.slice(0, 7) : '');
  const otherChannels = content.communication.filter((c) => !standardChannels.includes(c));
  // What the evaluation will count: the officer's choice, else the threat category's default.
  const spec = indicatorSpecOf(content);
  const goalMeasurable = Boolean(content.goal.indicator || content.goal.baseline || content.goal.target);
  return (
    <form method="post" action={`/admin/plans/${plan.id}`} id="plan-editor" data-autosave="true" noValidate>
      <CsrfField token={ctx.csrfToken} />
      <h2>{m.editorTitle}</h2>
      <p className="muted" id="autosave-status" aria-live="polite" />
      <div className="narrow">
        <TextField
          name="periodFrom"
          label={m.periodFrom}
          type="date"
          value={periodFrom}
          width="short"
          error={errorFor(errors, 'periodFrom')}
        />
        <TextField
          name="periodTo"
          label={m.periodTo}
          hint={m.periodHint}
          type="date"
          value={periodTo}
          width="short"
          error={errorFor(errors, 'periodTo')}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{m.section1}</legend>
        <SelectField
          name="threat.category"
          label={m.category}
          value={content.threat.category ?? ''}
          placeholder={m.chooseCategory}
          options={Object.entries(categoryNames[ctx.lang]).map(([value, label]) => ({ value, label }))}
          error={errorFor(errors, 'threat.category')}
        />
        <TextField name="threat.places" label={m.places} value={content.threat.places} />
        <TextAreaField
          name="threat.description"
          label={m.description}
          value={content.threat.description}
          rows={8}
          error={errorFor(errors, 'threat.description')}
        />
        <fieldset className="fieldset fieldset--inner">
          <legend className="field__label">{m.sources}</legend>
          {diagnosisSources.map((source) => (
            <CheckboxField
              key={source}
              name={`threat.sources.${source}`}
              label={sourceLabel(source, ctx)}
              checked={content.threat.sources.includes(source)}
            />
          ))}
        </fieldset>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{m.section2}</legend>
        <TextAreaField
          name="goal.description"
          label={m.goal}
          value={content.goal.description}
          rows={5}
          error={errorFor(errors, 'goal.description')}
        />
        <CheckboxField name="goal.measurable" label={m.measurable} checked={goalMeasurable} />
        <div className="grid-2">
          <TextField name="goal.indicator.what" label={m.indicatorWhat} value={content.goal.indicator?.what} />
          <TextField name="goal.indicator.where" label={m.indicatorWhere} value={content.goal.indicator?.where} />
          <TextField name="goal.indicator.source" label={m.indicatorSource} value={content.goal.indicator?.source} />
          <TextField name="goal.baseline.period" label={m.baselinePeriod} value={content.goal.baseline?.period} />
          <TextField
            name="goal.baseline.value"
            label={m.baselineValue}
            value={content.goal.baseline ? String(content.goal.baseline.value) : ''}
            width="short"
            error={errorFor(errors, 'goal.baseline.value')}
          />
          <SelectField
            name="goal.target.direction"
            label={m.direction}
            value={content.goal.target?.direction ?? 'decrease'}
            options={[
              { value: 'decrease', label: m.decrease },
              { value: 'increase', label: m.increase },
            ]}
          />
          <TextField
            name="goal.target.percent"
            label={m.percent}
            value={content.goal.target ? String(content.goal.target.percent) : ''}
            width="short"
            error={errorFor(errors, 'goal.target.percent')}
          />
          <SelectField
            name="goal.indicatorSpec.source"
            label={m.countedFrom}
            value={spec.source}
            options={[
              { value: 'imported', label: m.countedImported },
              { value: 'reports', label: m.countedReports },
            ]}
          />
          <TextAreaField
            name="goal.indicatorSpec.categories"
            label={m.countedCategories}
            hint={m.countedHint}
            value={spec.categories.join('\n')}
            rows={3}
          />
        </div>
        <GoalAreaFields
          ctx={ctx}
          area={content.goal.area ?? null}
          typed={typedArea}
          errors={errors}
          map={map}
          districtId={plan.districtId}
        />
      </fieldset>
      <fieldset className="fieldset" id="actions">
        <legend className="fieldset__legend">{m.section3}</legend>
        {errorFor(errors, 'actions') && <p className="field__error">{errorFor(errors, 'actions')}</p>}
        {content.actions.map((action, i) => (
          <div className="repeat" key={i} id={`action-${i + 1}`}>
            <h3 className="repeat__title">{m.action(i + 1)}</h3>
            <TextAreaField
              name={`actions.${i}.description`}
              label={m.actionDescription}
              value={action.description}
              rows={3}
              error={errorFor(errors, `actions.${i}.description`)}
            />
            <div className="grid-2">
              <TextField name={`actions.${i}.from`} label={m.actionFrom} value={month(action.from)} type="month" width="short" />
              <TextField
                name={`actions.${i}.to`}
                label={m.actionTo}
                value={month(action.to)}
                type="month"
                width="short"
                error={errorFor(errors, `actions.${i}.to`)}
              />
              <TextField name={`actions.${i}.who`} label={m.who} value={action.who} />
              <SelectField
                name={`actions.${i}.status`}
                label={m.actionStatus}
                value={action.status}
                options={actionStatuses.map((s) => ({ value: s, label: m.actionStatuses[s] }))}
              />
            </div>
            <div className="actions">
              <button
                type="submit"
                name="intent"
                value={`up-action:${i}`}
                className="button button--secondary"
                disabled={i === 0}
                aria-label={`${m.up}: ${m.action(i + 1)}`}
              >
                {m.up}
              </button>
              <button
                type="submit"
                name="intent"
                value={`down-action:${i}`}
                className="button button--secondary"
                disabled={i === content.actions.length - 1}
                aria-label={`${m.down}: ${m.action(i + 1)}`}
              >
                {m.down}
              </button>
              <button
                type="submit"
                name="intent"
                value={`remove-action:${i}`}
                className="button button--secondary"
                aria-label={`${m.remove}: ${m.action(i + 1)}`}
              >
                {m.remove}
              </button>
            </div>
          </div>
        ))}
        <button type="submit" name="intent" value="add-action" className="button button--secondary" id="field-actions">
          {m.addAction}
        </button>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend" id="partners">
          {m.section4}
        </legend>
        <datalist id="known-partners">
          {partners.map((p) => (
            <option key={p.id} value={p.name} />
          ))}
        </datalist>
        {content.partners.map((partner, i) => {
          const similar = nearOtherPartners(partner, partners);
          return (
            <div className="repeat" key={i} id={`partner-${i + 1}`}>
              <h3 className="repeat__title">{m.partner(i + 1)}</h3>
              {/* The registry entry this name was linked to when the plan was saved (modules/partners/plan-links.ts). */}
              {partner.partnerId && <input type="hidden" name={`partners.${i}.partnerId`} value={partner.partnerId} />}
              <div className="field">
                <label className="field__label" htmlFor={`field-partners.${i}.name`}>
                  {m.partnerName}
                </label>
                {errorFor(errors, `partners.${i}.name`) && <p className="field__error">{errorFor(errors, `partners.${i}.name`)}</p>}
                <input
                  className="input"
                  id={`field-partners.${i}.name`}
                  name={`partners.${i}.name`}
                  defaultValue={partner.name}
                  list="known-partners"
                  aria-describedby={similar.length && partner.partnerId ? `field-partners.${i}.similar` : undefined}
                />
                {similar.length > 0 && partner.partnerId && (
                  <p className="field__hint" id={`field-partners.${i}.similar`}>
                    {m.similarPartners(similar.map((p) => p.name))}
                  </p>
                )}
              </div>
              {/* Not linked because the registry has near names (modules/partners/plan-links.ts): the officer says which. */}
              {similar.length > 0 && !partner.partnerId && partner.name.trim() && (
                <ChoiceGroup
                  type="radio"
                  name={`partners.${i}.choice`}
                  legend={m.partnerChoice}
                  hint={m.partnerChoiceHint}
                  options={[...similar.map((p): [string, string] => [p.id, m.partnerIs(p.name)]), ['new', m.partnerIsNew]]}
                  values={[]}
                />
              )}
              <TextAreaField name={`partners.${i}.tasks`} label={m.partnerTasks} value={partner.tasks} rows={2} />
              <button
                type="submit"
                name="intent"
                value={`remove-partner:${i}`}
                className="button button--secondary"
                aria-label={`${m.remove}: ${m.partner(i + 1)}`}
              >
                {m.remove}
              </button>
            </div>
          );
        })}
        <button type="submit" name="intent" value="add-partner" className="button button--secondary">
          {m.addPartner}
        </button>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{m.section5}</legend>
        {errorFor(errors, 'communication') && <p className="field__error">{errorFor(errors, 'communication')}</p>}
        {standardChannels.map((channel, k) => (
          <CheckboxField key={channel} name={`communication.std.${k}`} label={channel} checked={content.communication.includes(channel)} />
        ))}
        <TextAreaField name="communication.other" label={m.otherChannels} value={otherChannels.join('\n')} rows={3} />
      </fieldset>
      <div className="narrow">
        <TextField name="signature" label={m.signature} value={content.signature ?? ''} />
      </div>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button button--secondary">
          {m.save}
        </button>
        <button type="submit" name="intent" value="submit" className="button">
          {transitionNames[ctx.lang].submit}
        </button>
      </div>
      <script type="module" src="/assets/build/autosave.js" />
    </form>
  );
}

function sourceLabel(source: string, ctx: PageContext): string {
  const names: Record<string, Record<string, string>> = {
    pl: {
      residents: 'informacje od mieszkańców',
      patrols: 'obserwacje podczas obchodu',
      safety_analysis: 'analiza bezpieczeństwa',
      kmzb: 'zgłoszenia na Krajowej Mapie Zagrożeń',
      partners: 'informacje od instytucji',
      interventions: 'interwencje (SWD)',
      survey: 'ankieta',
      debate: 'debata społeczna',
    },
    en: {
      residents: 'residents',
      patrols: 'patrol observations',
      safety_analysis: 'safety analysis',
      kmzb: 'national threat map reports',
      partners: 'partner institutions',
      interventions: 'interventions',
      survey: 'survey',
      debate: 'public debate',
    },
  };
  return names[ctx.lang]![source] ?? source;
}
