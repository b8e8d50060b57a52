import { html, nothing, type TemplateResult } from 'lit';
import type { FormDefinition } from '@banshi/sdk/forms';
import type { Translate } from '../base/translate.js';

/** A step the form may show, and whether answers decide if it is shown. */
export interface PlannedStep {
  id: string;
  /** Shown or skipped depending on the answers (a page's rule, materials that apply only in some cases). */
  conditional: boolean;
}

/**
 * Every step the definition can show, in order, whatever the answers: the total the applicant is told
 * stays the same while they answer, and the steps answers decide are named as such instead.
 */
export function plannedSteps(definition: FormDefinition | undefined): PlannedStep[] {
  if (!definition?.layout) return [];
  const materials = definition.materials ?? [];
  return [
    ...(definition.situations?.length ? [{ id: 'situation', conditional: false }] : []),
    ...definition.layout.pages.map((page) => ({ id: 'page:' + page.id, conditional: !!page.rule })),
    ...(materials.length
      ? [{ id: 'materials', conditional: materials.every((material) => !!material.appliesWhen) }]
      : []),
    { id: 'review', conditional: false },
  ];
}

/** What the step list shows. */
export interface StepListView {
  msg: Translate;
  planned: PlannedStep[];
  /** The steps that apply to the answers given so far. */
  applicable: string[];
  current: string;
  title(step: string): string;
}

/** The GOV.UK-style list of the steps: done, current, to do, or depending on the answers (or skipped). */
export function renderStepList(view: StepListView): TemplateResult {
  const { msg, applicable, current } = view;
  const at = applicable.indexOf(current);
  return html`<ol class="step-list" part="steps" aria-label=${msg('apply.steps')}>
    ${view.planned.map((step) => {
      const index = applicable.indexOf(step.id);
      const state = index < 0 ? 'skipped' : index < at ? 'done' : index === at ? 'current' : 'todo';
      const note =
        state === 'skipped'
          ? msg('apply.steps.skipped')
          : step.conditional && state === 'todo'
            ? msg('apply.steps.depends')
            : state === 'done'
              ? msg('apply.steps.done')
              : '';
      return html`<li class=${state} aria-current=${state === 'current' ? 'step' : nothing}>
        <span class="name">${view.title(step.id)}</span
        >${note ? html` <span class="tag">${note}</span>` : nothing}
      </li>`;
    })}
  </ol>`;
}
