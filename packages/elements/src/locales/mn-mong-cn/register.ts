// The CDN's `banshi-locale-mn-Mong-CN.js`: a page adds it after the loader to show widgets in traditional
// Mongolian inside `lang="mn-Mong-CN"`.
import { registerMongolian } from './index.js';

registerMongolian();
