import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { Session } from '../core/auth/session';
import { AuditListStore } from './data-access/audit-list.store';

/** Roles that may read the audit ledger (the API enforces the same). */
export const AUDIT_ROLES: readonly string[] = ['auditor', 'admin'];

/** Other roles are sent to the dashboard rather than shown a page they cannot use. */
export const auditRoleGuard: CanActivateFn = () => {
  const role = inject(Session).user()?.role;
  return role !== undefined && AUDIT_ROLES.includes(role) ? true : inject(Router).createUrlTree(['/dashboard']);
};

export const auditRoutes: Routes = [
  {
    path: '',
    title: 'Audit – Concord',
    canActivate: [auditRoleGuard],
    providers: [AuditListStore],
    loadComponent: () => import('./audit-page').then((m) => m.AuditPage),
  },
];
