import { Routes } from '@angular/router';

export const searchRoutes: Routes = [
  { path: '', title: 'Search – Concord', loadComponent: () => import('./search-page').then((m) => m.SearchPage) },
];
