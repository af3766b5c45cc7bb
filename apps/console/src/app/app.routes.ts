import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth/auth.guards';

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
  { path: '', pathMatch: 'full', redirectTo: 'persons' },
  { path: '**', redirectTo: 'persons' },
];
