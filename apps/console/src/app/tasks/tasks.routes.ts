import { Routes } from '@angular/router';

export const tasksRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: '/queues' },
  { path: ':id', title: 'Compare – Concord', loadComponent: () => import('./compare-page').then((m) => m.ComparePage) },
];
