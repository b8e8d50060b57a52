import { LitElement, html, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createApi, isCorsRefusal, refusalMessages, type ApiOptions, type BanshiApi } from './api.js';
import { baseStyles } from './base.styles.js';
import {
  PROVIDER_TAG,
  resolveElder,
  resolveLang,
  resolveSetting,
  resolveTokenProvider,
  TOKEN_CHANGE_EVENT,
  WATCHED_ATTRIBUTES,
  type SettingName,
} from './config.js';
import { composedAncestors } from './dom.js';
import type { BanshiEventDetail, BanshiEventMap } from './events.js';
import { loadLocale, resolvedLocale, translate, type MessageCatalog } from '../i18n/registry.js';
import { districtThemes } from '../theme/districts.js';

/** Where the API is when nothing configures it: beside the script that defined the widgets. */
const defaultApiBase = (): string => new URL('/api/v1', import.meta.url).href;

/**
 * The base of every Banshi widget: configuration (attribute → nearest `<banshi-provider>` →
 * `<meta name="banshi:…">`), the API client, the locale from the nearest `lang` (watched), the district
 * theme and the elder mode, and typed composed events.
 *
 * A widget extends it, declares `static messages` and `static styles = [baseStyles, own]`, and implements
 * `renderContent()`; the base wraps that in `<div part="base" class="root …">`.
 *
 * @cssprop --banshi-brand-primary - Brand colour (set by a district theme).
 * @cssprop --banshi-color-primary - Semantic primary colour; defaults to the brand colour.
 * @cssprop --banshi-color-text - Body text colour.
 * @cssprop --banshi-color-surface - Background of the widget.
 * @cssprop --banshi-color-danger - Errors and bad levels.
 * @cssprop --banshi-font-family - Font stack.
 * @cssprop --banshi-font-size - Body text size (at least 18px in elder mode).
 * @cssprop --banshi-target-size - Minimum size of controls (at least 44px; 60px in elder mode).
 * @cssprop --banshi-radius - Corner radius.
 * @csspart base - The widget's outer box.
 */
export abstract class BanshiElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  /** Shipped strings of the widget, per locale; sites add or replace them through the i18n registry. */
  static messages: MessageCatalog = {};

  /** The API root, e.g. `https://banshi.example.gov.cn/api/v1`. Falls back to the provider, then the meta tag. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /** District theme (`baotou`, `haibowan`); falls back to the provider, then `<meta name="banshi:theme">`. */
  @property({ reflect: true }) theme?: string;

  /** 适老化 mode: larger text and targets. Also set by `elder` on the provider or `data-banshi-elder` on `<html>`. */
  @property({ type: Boolean, reflect: true }) elder = false;

  /** The `lang` in effect (nearest ancestor, crossing shadow roots); '' when none. */
  @state() protected resolvedLang = '';
  /** Bumped when an ancestor's configuration changes, so render re-reads it. */
  @state() protected contextRevision = 0;

  private observer?: MutationObserver;
  private watchedProviders: Element[] = [];
  private client?: { key: string; api: BanshiApi };

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchAncestors();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
    this.unwatchProviders();
  }

  /** The locale tag messages are shown in (`zh-CN`, `en`, or a registered one). */
  get locale(): string {
    return resolvedLocale((this.constructor as typeof BanshiElement).messages, this.resolvedLang);
  }

  /** A setting resolved attribute → provider → meta. */
  protected setting(name: SettingName): string | null {
    return resolveSetting(this, name);
  }

  /** Whether elder mode applies here (own attribute, provider, `<html data-banshi-elder>`). */
  protected get elderMode(): boolean {
    return this.elder || resolveElder(this);
  }

  /** Client options of this widget (e.g. fewer retries when the widget has its own retry queue). */
  protected get apiOptions(): ApiOptions {
    return {};
  }

  /** The API client for the resolved `api-base`, locale and options; rebuilt when any changes. */
  protected get api(): BanshiApi {
    const base = new URL(this.setting('api-base') ?? defaultApiBase(), this.ownerDocument.baseURI).href;
    const key = JSON.stringify([base, this.locale, this.apiOptions]);
    if (this.client?.key !== key) {
      // The provider is looked up on every request, so the token is always the current one.
      const token = () => resolveTokenProvider(this)?.();
      this.client = { key, api: createApi(base, this.locale, this.apiOptions, token) };
    }
    return this.client.api;
  }

  /** Whether a `<banshi-provider>` above gives a token provider (the page signs people in). */
  protected get hasTokenProvider(): boolean {
    return resolveTokenProvider(this) !== undefined;
  }

  /** The signed-in person's token from the nearest provider, or undefined (none, or nobody signed in). */
  protected async currentToken(): Promise<string | undefined> {
    return (await resolveTokenProvider(this)?.()) || undefined;
  }

  /** Renders only once the strings of the locale in effect are there (English is fetched when first shown). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = loadLocale((this.constructor as typeof BanshiElement).messages, this.resolvedLang);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** A message of this widget in the current locale, with `{name}` placeholders filled. */
  protected msg(key: string, params?: Readonly<Record<string, string | number>>): string {
    return translate((this.constructor as typeof BanshiElement).messages, this.resolvedLang, key, params);
  }

  /**
   * When `error` is the API refusing this page's origin (CORS), what the person at the page is told: that
   * the site is not allowed and what its administrator configures; otherwise undefined (a network outage
   * or the server's own answer, which each widget words itself).
   */
  protected corsRefusal(error: unknown): string | undefined {
    const messages = refusalMessages();
    if (!isCorsRefusal(error) || !messages) return undefined;
    return translate(messages, this.resolvedLang, 'banshi.failed.cors', { origin: location.origin });
  }

  /** Dispatches a typed Banshi event that bubbles out of shadow roots. Returns false if it was cancelled. */
  protected emit<K extends keyof BanshiEventMap>(
    type: K,
    detail: BanshiEventDetail<K>,
    cancelable = false,
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  /** Called after `lang`, a provider or the page's elder switch changed; the element re-renders anyway. */
  protected contextChanged(): void {}

  /** Called after a provider above got another `tokenProvider` (the page signed someone in or out). */
  protected tokenChanged(): void {}

  protected abstract renderContent(): TemplateResult;

  /**
   * Whether the widget is still reading what it first shows: it then holds the height it reserved on the
   * page before it was defined (`--banshi-reserved-height`, theme/reserved-space.ts), so the page does not
   * jump twice.
   */
  protected get reservingSpace(): boolean {
    return false;
  }

  protected override render(): TemplateResult {
    const theme = this.setting('theme');
    const classes = ['root'];
    if (this.reservingSpace) classes.push('reserved');
    if (this.elderMode) classes.push('elder');
    if (theme && theme in districtThemes) classes.push(`theme-${theme}`);
    return html`<div part="base" class=${classes.join(' ')}>${this.renderContent()}</div>`;
  }

  private watchAncestors(): void {
    this.observer?.disconnect();
    this.resolvedLang = resolveLang(this);
    const observer = new MutationObserver(() => {
      this.resolvedLang = resolveLang(this);
      this.contextRevision++;
      this.contextChanged();
    });
    for (const ancestor of composedAncestors(this)) {
      observer.observe(ancestor, { attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    }
    this.observer = observer;
    this.unwatchProviders();
    this.watchedProviders = composedAncestors(this).filter((a) => a.localName === PROVIDER_TAG);
    for (const provider of this.watchedProviders) provider.addEventListener(TOKEN_CHANGE_EVENT, this.onToken);
  }

  private unwatchProviders(): void {
    for (const provider of this.watchedProviders)
      provider.removeEventListener(TOKEN_CHANGE_EVENT, this.onToken);
    this.watchedProviders = [];
  }

  private readonly onToken = (): void => {
    this.contextRevision++;
    this.tokenChanged();
  };
}
