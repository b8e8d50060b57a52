import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/src/provider/define.js';
import { defaultHandlers } from '../stories/mocks/index.js';
import { registerMongolian } from '../packages/elements/src/locales/mn-mong-cn/index.js';
import { withBanshiContext } from './banshi-context.js';
import { mockApi } from './msw.js';
import { publicApiOnly } from './public-api.js';

// The toolbar offers traditional Mongolian, which a site registers itself.
registerMongolian();

// Autodocs: attributes, properties, events, CSS parts and custom properties from the elements' JSDoc.
setCustomElementsManifest(publicApiOnly(manifest));

const preview: Preview = {
  globalTypes: {
    locale: {
      description: '语言 Language: the `lang` around the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '简体中文 (zh-CN)' },
          { value: 'en', title: 'English (en)' },
          { value: 'mn-Mong-CN', title: 'ᠮᠣᠩᠭᠣᠯ (mn-Mong-CN)' },
        ],
        dynamicTitle: true,
      },
    },
    elder: {
      description: '长者模式 Elder mode: `elder` on the <banshi-provider>',
      toolbar: {
        title: 'Elder mode',
        icon: 'accessibility',
        items: [
          { value: 'off', title: '标准 Default' },
          { value: 'on', title: '长者模式 Elder' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: '地区主题 District theme: `theme` on the <banshi-provider>',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'baotou', title: '包头 Baotou (blue)' },
          { value: 'haibowan', title: '海勃湾 Haibowan (red)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', elder: 'off', theme: 'baotou' },
  decorators: [withBanshiContext],
  loaders: [mockApi],
  parameters: {
    msw: { handlers: defaultHandlers },
    // Every violation fails the story's accessibility check (in the a11y panel and stories/check-a11y.mjs).
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { toc: true },
  },
  tags: ['autodocs'],
};

export default preview;
