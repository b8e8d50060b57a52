import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * The elements' package.json marks only the built define modules (in dist) as having side effects, so a production build
 * would drop `import '…/src/<widget>/define.js'` and no tag would be defined. Stories import the source.
 */
function keepSourceDefines(): Plugin {
  const define = /[\\/]packages[\\/]elements[\\/]src[\\/].*define\.ts$/;
  return {
    name: 'banshi-keep-source-defines',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('define.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && define.test(resolved.id) ? { ...resolved, moduleSideEffects: true } : resolved;
    },
  };
}

/**
 * Storybook for the Banshi widgets: stories in `stories/`, the widgets from their TypeScript source, the API
 * answered in the browser by Mock Service Worker (`stories/mocks/`), so nothing needs a server or a network.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // `mockServiceWorker.js` (written by `npx msw init .storybook/public --no-save`) must be served beside
  // iframe.html, since a service worker only controls pages at or below its own URL.
  // The region picker's files (written by the build into the CDN folder) are served at /regions/.
  staticDirs: ['./public', { from: '../packages/elements/cdn/regions', to: '/regions' }],
  // No telemetry, no "what's new" notices and no onboarding checklist: this Storybook documents the widgets.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [keepSourceDefines()],
      // Where the region picker finds its files, as the CDN build tells it.
      define: { BANSHI_REGIONS_PATH: JSON.stringify('/regions/') },
      resolve: {
        // The SDK from source, so Storybook needs no SDK build and changes show at once.
        alias: [
          { find: /^@banshi\/sdk$/, replacement: fromRoot('packages/sdk/src/index.ts') },
          { find: /^@banshi\/sdk\/forms$/, replacement: fromRoot('packages/sdk/src/forms/index.ts') },
        ],
      },
      // Pre-bundled once, or the dev server serves two copies of Lit (one through each entry point).
      optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directive-helpers.js'] },
    });
  },
};

export default config;
