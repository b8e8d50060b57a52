// Hands the page's copy of the loader (the same URL, so the same module instance) to the test.
/* global window */
import * as loader from '/packages/elements/cdn/banshi-loader.js';

window.banshiLoader = loader;
