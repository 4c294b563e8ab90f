/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The GraphQL endpoint; '/graphql' (same origin) when unset. */
  readonly VITE_GONGKAI_API_URL?: string;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent<object, object, unknown>;
  export default component;
}
