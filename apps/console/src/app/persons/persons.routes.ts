import { Routes } from '@angular/router';
import { PersonsListStore } from './data-access/persons-list.store';

export const personsRoutes: Routes = [
  {
    path: '',
    providers: [PersonsListStore],
    children: [
      {
        path: '',
        title: 'Persons – Concord',
        loadComponent: () => import('./persons-list/persons-page').then((m) => m.PersonsPage),
      },
      {
        path: ':id',
        title: 'Person – Concord',
        loadComponent: () => import('./person-detail/person-detail-page').then((m) => m.PersonDetailPage),
      },
    ],
  },
];
