import { type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  resolveForm,
  scopeValue,
  translate,
  type FormDefinition,
  type ResolvedForm,
  type SituationAnswers,
} from '@banshi/sdk/forms';
import { newIdempotencyKey } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { loadLocale, translate as translateMessage } from '../i18n/registry.js';
import type { laterMessages } from './later-messages.js';
import { hasRegionAddress } from './address-control.js';
import type * as AddressParts from './address.js';
import type { ControlHost } from './controls.js';
import { setAt, within, type Values } from './form-data.js';
import { checkStep, type ShownError, type StepContext } from './step-check.js';
import type { CaseCreate, CaseCreated, Region } from './types.js';
import { RegionLists } from './region-lists.js';
import type { Uploader } from './uploader.js';
import { isRefused, problemMessage, type MaterialState } from './uploads.js';
import { situationFromQuery } from '../item-common/situation-query.js';
import { lockedValues, type SignInGate } from './verified-identity.js';
import { plannedSteps, type PlannedStep } from './step-list-view.js';

export type Phase = 'loading' | 'failed' | 'unavailable' | 'ready' | 'sending' | 'done';

/**
 * What the application form holds (the item, the answers, the materials, the errors) and what its fields
 * read and change through {@link ControlHost}; the steps, sending and rendering build on it.
 */
export abstract class ApplicationFormState extends BanshiElement implements ControlHost {
  /** 事项编码 of the item applied for; its form definition is fetched from the API. */
  @property({ attribute: 'item-code' }) itemCode = '';

  /**
   * Situation answers handed over by the item guide: as a property, `{ [situationId]: optionId | optionId[] }`;
   * as an attribute, `s.<id>=<option>` query pairs or JSON. Without it, `s.*` parameters of the page
   * address are used. Unknown questions and options are ignored; the applicant can change them all.
   */
  @property({ attribute: 'situation', converter: { fromAttribute: (value) => value ?? '' } })
  situation: SituationAnswers | string = '';

  /** A form definition to use instead of fetching the item's (previews, tests). */
  @property({ attribute: false }) definition?: FormDefinition;

  /**
   * The site's tracking page, e.g. `track.html?case={caseNumber}`: the receipt then links to it and carries
   * it as a QR code. Only the case number goes in; the query code never does.
   */
  @property({ attribute: 'tracker-url' }) trackerUrl = '';

  /**
   * The folder of the region files for address fields (`index.json` and one file per province), when the
   * site serves them elsewhere than beside the widgets' scripts.
   */
  @property({ attribute: 'regions-url' }) regionsUrl = '';

  /** Milliseconds between polls of an upload's content check. */
  @property({ attribute: false }) checkInterval = 1000;

  @state() protected phase: Phase = 'loading';
  @state() protected step = 'situation';
  @state() data: Values = {};
  @state() protected answers: Record<string, string | string[]> = {};
  @state() protected materialStates: Record<string, MaterialState> = {};
  @state() protected commitment = false;
  @state() protected errors: ShownError[] = [];
  @state() protected failure = '';
  @state() protected result?: CaseCreated;
  @state() protected resumed = false;
  @state() protected itemName = '';
  /** Sign-in (or a higher level) that a submission was refused for; the answers stay. */
  @state() protected refusedFor?: SignInGate;

  protected raw: Record<string, string> = {};
  protected idempotencyKey = newIdempotencyKey();
  protected sent?: CaseCreate;
  /** Form pointer → value from 统一身份认证 (the definition's `verifiedApplicant`). */
  protected locked: Record<string, string> = {};
  protected resolved?: ResolvedForm;
  /** The definition this element fetched itself (setting it is no reason to load again). */
  protected fetched?: FormDefinition;
  private readonly regionLists = new RegionLists(this, () => this.api);
  /** The form session token that came with the fetched definition; uploads carry it. */
  protected formSession?: string;
  /** The strings of the later steps, once a chunk that shows them (later steps, submission) brought them. */
  protected laterMessages?: typeof laterMessages;
  /** The region address's control and checks, for forms that ask for one (see `loadAddress`). */
  address?: typeof AddressParts;
  /** Sends the chosen files; made when the materials step's chunk arrives (see `makeUploader`). */
  protected uploader?: Uploader;

  /** The uploader of this form, from the class its materials step's chunk brings. */
  protected makeUploader(UploaderClass: typeof Uploader): Uploader {
    return new UploaderClass(
      () => this.api,
      (entry) => {
        this.dropRefused();
        this.requestUpdate();
        if (entry?.id) void this.save();
      },
      () => this.checkInterval,
      () => this.formSession,
    );
  }

  /**
   * Fetches the region address's control and checks when the definition asks for a region address;
   * false when they could not be fetched.
   */
  protected async loadAddress(): Promise<boolean> {
    if (this.address || !hasRegionAddress(this.definition)) return true;
    try {
      this.address = await import('./address.js');
      return true;
    } catch {
      return false;
    }
  }

  /** Keeps the draft on the device (at `step`). */
  protected abstract save(step?: string): Promise<void>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('definition')) {
      this.locked = lockedValues(this.definition?.verifiedApplicant);
      // The picker is a chunk of its own: only forms that ask for an address download it.
      if (hasRegionAddress(this.definition)) void import('../region-picker/define.js');
    }
    if (this.definition?.layout) {
      this.resolved = resolveForm(this.definition, { data: this.data, situation: this.answers });
    }
  }

  /** Every step the definition can show, whatever the answers: what the progress counts. */
  get planned(): PlannedStep[] {
    return plannedSteps(this.definition);
  }

  /** Whether the answer at a condition's scope is given (a value on a hidden page does not count). */
  answered(scope: string): boolean {
    return scopeValue(scope, { data: this.resolved?.data, situation: this.answers }) !== undefined;
  }

  /** The steps before the confirmation, for the current answers. */
  get steps(): string[] {
    const form = this.resolved;
    if (!form || !this.definition) return [];
    return [
      ...(this.definition.situations?.length ? ['situation'] : []),
      ...form.pages.map((page) => 'page:' + page.id),
      ...(form.materials.length ? ['materials'] : []),
      'review',
    ];
  }

  // ControlHost ---------------------------------------------------------------------------------------

  t(key: string): string {
    return translate(this.definition!, key, this.locale);
  }

  /** Renders once the later steps' strings of the locale in effect are there too. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const later = this.laterMessages && loadLocale(this.laterMessages, this.resolvedLang);
    return later ? later.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override msg(key: string, params?: Record<string, string | number>): string {
    const later = this.laterMessages;
    return later && key in later['zh-CN']
      ? translateMessage(later, this.resolvedLang, key, params)
      : super.msg(key, params);
  }

  errorAt(pointer: string): string | undefined {
    return this.errors.find((error) => error.pointer === pointer)?.message;
  }

  rawAt(pointer: string): string | undefined {
    return this.raw[pointer];
  }

  lockedAt(pointer: string): boolean {
    return pointer in this.locked;
  }

  change(pointer: string, value: unknown, raw?: string): void {
    if (this.lockedAt(pointer)) return;
    this.data = setAt(this.data, pointer, value);
    if (raw === undefined) delete this.raw[pointer];
    else this.raw[pointer] = raw;
    // An error the applicant is fixing is checked again as they type, so it goes as soon as it is right.
    if (this.errors.some((error) => within(error.pointer, pointer))) {
      const still = this.check().filter((error) => within(error.pointer, pointer));
      this.errors = [...this.errors.filter((error) => !within(error.pointer, pointer)), ...still];
    }
  }

  regions(parent: string): Region[] | undefined {
    return this.regionLists.get(parent);
  }

  // Answers and their checks --------------------------------------------------------------------------

  /** The situation answers the guide handed over (attribute, property or the page address). */
  protected handedOver(): Record<string, string | string[]> {
    const situations = this.definition?.situations ?? [];
    return situationFromQuery(
      typeof this.situation === 'object' ? this.situation : this.situation || location.search,
      situations,
    );
  }

  /** What the checks of a step read. */
  private context(): StepContext {
    const { definition, resolved, data, raw, answers, materialStates, commitment, locale } = this;
    const t = (key: string) => this.t(key);
    const msg = (key: string, params?: Record<string, string | number>) => this.msg(key, params);
    return {
      definition: definition!,
      resolved: resolved!,
      data,
      raw,
      answers,
      materialStates,
      commitment,
      locale,
      t,
      msg,
      address: this.address,
    };
  }

  /** The problems of the current step (or of `step`). */
  protected check(step = this.step): ShownError[] {
    return checkStep(this.context(), step);
  }

  /** Drops the errors at `pointer`; with `keepRefused`, those about refused files stay (they have no row). */
  protected clearError(pointer: string, keepRefused = false): void {
    this.errors = this.errors.filter((error) => error.pointer !== pointer || (keepRefused && error.refused));
  }

  /**
   * Takes refused files (wrong type, too big, empty, or failed the content check) out of their material:
   * nothing is left to do with them, so their rows go and their messages join the error summary.
   */
  private dropRefused(): void {
    for (const [id, state] of Object.entries(this.materialStates)) {
      const refused = state.files.filter(isRefused);
      if (!refused.length) continue;
      state.files = state.files.filter((file) => !isRefused(file));
      const msg = (key: string, params?: Record<string, string | number>) => this.msg(key, params);
      this.errors = [
        ...this.errors,
        ...refused.map((file) => ({
          pointer: '#materials/' + id,
          message: problemMessage(msg, file.problem!),
          refused: true,
        })),
      ];
    }
  }

  protected answer(id: string, option: string, on: boolean, multiple: boolean): void {
    const current = [this.answers[id] ?? []].flat();
    const next = multiple ? (on ? [...current, option] : current.filter((o) => o !== option)) : option;
    this.answers = { ...this.answers, [id]: next };
    this.clearError('#situation/' + id);
  }
}
