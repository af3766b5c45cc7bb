import { Routes } from '@angular/router';

export const queuesRoutes: Routes = [
  { path: '', title: 'Queues – Concord', loadComponent: () => import('./queues-page').then((m) => m.QueuesPage) },
];
