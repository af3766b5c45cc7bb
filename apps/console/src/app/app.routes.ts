import { Routes } from '@angular/router';
import { roleGuard, signedInGuard, signedOutGuard } from './core/auth/auth.guards';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in – Concord',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'persons',
    canActivate: [signedInGuard],
    loadChildren: () => import('./persons/persons.routes').then((m) => m.personsRoutes),
  },
  {
    path: 'dashboard',
    canActivate: [signedInGuard],
    loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.dashboardRoutes),
  },
  {
    path: 'audit',
    canActivate: [signedInGuard],
    loadChildren: () => import('./audit/audit.routes').then((m) => m.auditRoutes),
  },
  {
    path: 'model',
    canActivate: [signedInGuard],
    loadChildren: () => import('./model/model.routes').then((m) => m.modelRoutes),
  },
  {
    path: 'queues',
    canActivate: [signedInGuard],
    loadChildren: () => import('./queues/queues.routes').then((m) => m.queuesRoutes),
  },
  {
    path: 'tasks',
    canActivate: [signedInGuard],
    loadChildren: () => import('./tasks/tasks.routes').then((m) => m.tasksRoutes),
  },
  {
    path: 'approvals',
    canActivate: [signedInGuard, roleGuard('senior-steward')],
    loadChildren: () => import('./approvals/approvals.routes').then((m) => m.approvalsRoutes),
  },
  {
    path: 'search',
    canActivate: [signedInGuard],
    loadChildren: () => import('./search/search.routes').then((m) => m.searchRoutes),
  },
  { path: '', pathMatch: 'full', redirectTo: 'persons' },
  { path: '**', redirectTo: 'persons' },
];
