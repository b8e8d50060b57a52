// How TypeScript sees a `.vue` import in the test (vue-tsc checks App.vue itself).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ apiBase: string }>;
  export default component;
}
