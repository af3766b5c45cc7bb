import { Routes } from '@angular/router';

export const dashboardRoutes: Routes = [
  {
    path: '',
    title: 'Dashboard – Concord',
    loadComponent: () => import('./dashboard-page').then((m) => m.DashboardPage),
  },
];
