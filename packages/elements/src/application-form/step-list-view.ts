import { html, nothing, type TemplateResult } from 'lit';
import type { FormDefinition } from '@banshi/sdk/forms';
import type { Translate } from '../base/translate.js';

/** A step the form may show, and whether answers decide if it is shown. */
export interface PlannedStep {
  id: string;
  /** Shown or skipped depending on the answers (a page's rule, materials that apply only in some cases). */
  conditional: boolean;
  /** The answers (condition scopes) that decide it: until they are given, it is neither left out nor sure. */
  decidedBy: string[];
}

/**
 * Every step the definition can show, in order, whatever the answers: the total the applicant is told
 * stays the same while they answer, and the steps answers decide are named as such instead.
 */
export function plannedSteps(definition: FormDefinition | undefined): PlannedStep[] {
  if (!definition?.layout) return [];
  const materials = definition.materials ?? [];
  const always = (id: string): PlannedStep => ({ id, conditional: false, decidedBy: [] });
  const scopes = materials.flatMap((material) => material.appliesWhen?.scope ?? []);
  return [
    ...(definition.situations?.length ? [always('situation')] : []),
    ...definition.layout.pages.map((page) => ({
      id: 'page:' + page.id,
      conditional: !!page.rule,
      decidedBy: page.rule ? [page.rule.condition.scope] : [],
    })),
    ...(materials.length
      ? [{ id: 'materials', conditional: scopes.length === materials.length, decidedBy: scopes }]
      : []),
    always('review'),
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
  /** Whether the answer at a condition's scope is given (a step is left out only once its answers are). */
  answered(scope: string): boolean;
}

type StepState = 'done' | 'current' | 'todo' | 'depends' | 'skipped';

const NOTES: Partial<Record<StepState, string>> = {
  done: 'apply.steps.done',
  depends: 'apply.steps.depends',
  skipped: 'apply.steps.skipped',
};

/**
 * Where a step stands. A step the answers decide depends on them until they are given; then it is
 * skipped (left out) or to do like any other.
 */
function stepState(view: StepListView, step: PlannedStep, at: number): StepState {
  const index = view.applicable.indexOf(step.id);
  const decided = step.decidedBy.every((scope) => view.answered(scope));
  if (index < 0) return decided ? 'skipped' : 'depends';
  if (index < at) return 'done';
  if (index === at) return 'current';
  return step.conditional && !decided ? 'depends' : 'todo';
}

/** The GOV.UK-style list of the steps: done, current, to do, depending on the answers, or skipped. */
export function renderStepList(view: StepListView): TemplateResult {
  const { msg } = view;
  const at = view.applicable.indexOf(view.current);
  return html`<ol class="step-list" part="steps" aria-label=${msg('apply.steps')}>
    ${view.planned.map((step) => {
      const state = stepState(view, step, at);
      const note = NOTES[state];
      // The tag is set apart by layout; the hidden separator makes a screen reader pause between the two.
      return html`<li class=${state} aria-current=${state === 'current' ? 'step' : nothing}>
        <span class="name">${view.title(step.id)}</span>${
          note
            ? html`<span class="sr-only">${msg('apply.steps.separator')}</span
                ><span class="tag">${msg(note)}</span>`
            : nothing
        }
      </li>`;
    })}
  </ol>`;
}
