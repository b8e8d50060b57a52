import { holds, type Answers } from './conditions.js';
import type {
  FieldElement,
  FormDefinition,
  FormPage,
  FormValues,
  JsonObject,
  LayoutElement,
  Material,
  Rule,
  SectionElement,
  SituationAnswers,
} from './definition.js';
import { pruneData } from './prune.js';

/** A visible field; `enabled` is false when a DISABLE/ENABLE rule (its own or a parent's) disables it. */
export interface ResolvedField extends FieldElement {
  enabled: boolean;
}

/** A visible section with its visible elements. */
export interface ResolvedSection extends Omit<SectionElement, 'elements'> {
  enabled: boolean;
  elements: ResolvedElement[];
}

/** A visible element of a page. */
export type ResolvedElement = ResolvedField | ResolvedSection;

/** A visible page with its visible elements. */
export interface ResolvedPage extends Omit<FormPage, 'elements'> {
  enabled: boolean;
  elements: ResolvedElement[];
}

/** What applies to the given answers. */
export interface ResolvedForm {
  /** The visible pages, in order, each with its visible elements. */
  pages: ResolvedPage[];
  /** The materials that apply, in order (with their necessity and, when deferrable, `deferDays`). */
  materials: Material[];
  /** Pointers of the fields that are hidden: their values are dropped and never reported. */
  hidden: ReadonlySet<string>;
  /** Pointers of the visible fields, in layout order. */
  visible: ReadonlySet<string>;
  /** The data without hidden values and blank strings, as it is validated and submitted. */
  data: JsonObject;
}

/** The form data and situation answers a form is resolved for. */
export interface FormAnswers {
  data?: FormValues;
  situation?: SituationAnswers;
}

/** [visible, enabled] under a rule. */
function ruleState(rule: Rule | undefined, answers: Answers): [boolean, boolean] {
  if (!rule) return [true, true];
  const { effect } = rule;
  const on = holds(rule.condition, answers) === (effect === 'SHOW' || effect === 'ENABLE');
  return effect === 'SHOW' || effect === 'HIDE' ? [on, true] : [true, on];
}

type Container = { elements: LayoutElement[]; rule?: Rule };
type Resolved<T extends Container> = Omit<T, 'elements'> & { enabled: boolean; elements: ResolvedElement[] };

function resolveOnce(
  definition: FormDefinition,
  answers: Answers,
): [ResolvedPage[], Set<string>, Set<string>] {
  const shown = new Set<string>();
  const hidden = new Set<string>();
  const visit = <T extends Container>(node: T, parentVisible: boolean, parentEnabled: boolean) => {
    const [visible, enabled] = ruleState(node.rule, answers);
    const resolved = { ...node, enabled: parentEnabled && enabled, elements: [] } as Resolved<T>;
    for (const element of node.elements) {
      const child =
        element.type === 'section'
          ? visit(element, parentVisible && visible, resolved.enabled)
          : visitField(element, parentVisible && visible, resolved.enabled);
      if (child) resolved.elements.push(child);
    }
    return parentVisible && visible ? resolved : undefined;
  };
  const visitField = (field: FieldElement, parentVisible: boolean, parentEnabled: boolean) => {
    const [visible, enabled] = ruleState(field.rule, answers);
    (parentVisible && visible ? shown : hidden).add(field.scope);
    return parentVisible && visible ? { ...field, enabled: parentEnabled && enabled } : undefined;
  };
  const pages = definition.layout.pages.map((page) => visit(page, true, true)).filter((page) => !!page);
  for (const scope of shown) hidden.delete(scope);
  return [pages, hidden, shown];
}

/**
 * Which pages, fields and materials apply to the given data and situation answers.
 *
 * Rules are judged on the data without hidden values, so an answer on a hidden page cannot show
 * anything elsewhere; this is repeated until the hidden set settles.
 */
export function resolveForm(definition: FormDefinition, answers: FormAnswers): ResolvedForm {
  let data = pruneData(answers.data ?? {}, []);
  let previous = '';
  let pages: ResolvedPage[] = [];
  let hidden = new Set<string>();
  let visible = new Set<string>();
  for (let pass = 0; pass < 8; pass++) {
    [pages, hidden, visible] = resolveOnce(definition, { data, situation: answers.situation });
    const key = [...hidden].join('\n');
    data = pruneData(answers.data ?? {}, hidden);
    if (key === previous) break;
    previous = key;
  }
  const resolvedAnswers = { data, situation: answers.situation };
  const materials = (definition.materials ?? []).filter(
    (material) => !material.appliesWhen || holds(material.appliesWhen, resolvedAnswers),
  );
  return { pages, materials, hidden, visible, data };
}
