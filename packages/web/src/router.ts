/**
 * Every page has an address that can be shared. Pages past the first load on demand, so the
 * search page a phone opens first carries only its own code.
 */
import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import SearchPage from './pages/SearchPage.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'search', component: SearchPage, meta: { title: '查找机构' } },
  {
    path: '/regions/:code(\\d{6})?',
    name: 'regions',
    component: () => import('./pages/RegionPage.vue'),
    meta: { title: '按地区浏览' },
  },
  {
    path: '/agencies/:agencyId',
    name: 'agency',
    component: () => import('./pages/AgencyPage.vue'),
    meta: { title: '机构' },
  },
  {
    path: '/reports/:reportId',
    name: 'report',
    component: () => import('./pages/ReportPage.vue'),
    meta: { title: '年度报告' },
  },
  {
    path: '/compare',
    name: 'compare',
    component: () => import('./pages/ComparePage.vue'),
    meta: { title: '对比报告' },
  },
  {
    path: '/reports/:reportId/correct/:code',
    name: 'correct',
    component: () => import('./pages/CorrectPage.vue'),
    meta: { title: '提交更正' },
  },
  {
    path: '/corrections/:correctionId',
    name: 'correction',
    component: () => import('./pages/CorrectionPage.vue'),
    meta: { title: '更正状态' },
  },
  {
    path: '/moderate',
    name: 'moderate',
    component: () => import('./pages/ModeratePage.vue'),
    meta: { title: '审核更正' },
  },
  {
    path: '/:rest(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { title: '页面不存在' },
  },
];

export function createGongkaiRouter(history = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.afterEach((to) => {
    const title = typeof to.meta.title === 'string' ? to.meta.title : '';
    document.title = title ? `${title} · 公开` : '公开';
  });
  return router;
}
