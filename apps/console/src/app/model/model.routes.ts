import { Routes } from '@angular/router';
import { ModelStore } from './data-access/model.store';

export const modelRoutes: Routes = [
  {
    path: '',
    title: 'Model – Concord',
    providers: [ModelStore],
    loadComponent: () => import('./model-page/model-page').then((m) => m.ModelPage),
  },
];
