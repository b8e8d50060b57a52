import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

/** The toolbar's settings, as story `globals` may also pin them. */
export interface BanshiGlobals {
  locale: 'zh-CN' | 'en' | 'mn-Mong-CN';
  elder: 'off' | 'on';
  theme: 'baotou' | 'haibowan';
}

/** Story parameters read by {@link withBanshiContext}. */
export interface BanshiParameters {
  /** `token`: a person is signed in; the provider's `tokenProvider` gives this token. */
  banshi?: { token?: string };
}

/**
 * Puts every story where a district site would put the widget: inside a `<banshi-provider>` giving the
 * API root, the district theme and elder mode, inside an element carrying the language. The widgets read
 * all three from there, as they do on a real page.
 */
export const withBanshiContext: Decorator = (story, { globals, parameters }) => {
  const { locale, elder, theme } = globals as BanshiGlobals;
  const token = (parameters as BanshiParameters).banshi?.token;
  // The document's language follows too, so the page around the story is announced correctly.
  document.documentElement.lang = locale;
  return html`<banshi-provider
    api-base="/api/v1"
    theme=${theme}
    ?elder=${elder === 'on'}
    .tokenProvider=${token ? async () => token : undefined}
  >
    <div lang=${locale} class="banshi-story">${story()}</div>
  </banshi-provider>`;
};
