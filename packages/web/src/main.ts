import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { createGongkaiClient } from './client.ts';
import { createGongkaiRouter } from './router.ts';
import './styles.css';

createApp(App).use(createGongkaiRouter()).use(urql, createGongkaiClient()).mount('#app');
