import { Routes } from '@angular/router';

export const approvalsRoutes: Routes = [
  {
    path: '',
    title: 'Approvals – Concord',
    loadComponent: () => import('./approvals-list/approvals-page').then((m) => m.ApprovalsPage),
  },
  {
    path: ':id',
    title: 'Approve a merge – Concord',
    loadComponent: () => import('./approval-detail/approval-page').then((m) => m.ApprovalPage),
  },
];
