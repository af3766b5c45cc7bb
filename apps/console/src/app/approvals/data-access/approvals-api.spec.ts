import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  APPROVE_OPERATION,
  ApprovalsApi,
  OPERATION_QUERY,
  PENDING_APPROVALS_QUERY,
  REJECT_OPERATION,
} from './approvals-api';

describe('ApprovalsApi', () => {
  let api: ApprovalsApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(ApprovalsApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('lists the merges waiting for approval with both persons and the task', async () => {
    const result = firstValueFrom(api.pending());
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(PENDING_APPROVALS_QUERY);
    expect(PENDING_APPROVALS_QUERY).toContain('otherPerson');
    call.flush({ data: { pendingApprovals: [{ id: 'o1' }] } });
    await expect(result).resolves.toEqual([{ id: 'o1' }]);
  });

  it('reads one operation by id, or null', async () => {
    const result = firstValueFrom(api.operation('o9'));
    const call = controller.expectOne('/graphql');
    expect(call.request.body).toEqual({ query: OPERATION_QUERY, variables: { id: 'o9' } });
    call.flush({ data: { stewardOperation: null } });
    await expect(result).resolves.toBeNull();
  });

  it('approves and rejects with the reason', async () => {
    const approved = firstValueFrom(api.decide('approve', 'o1', 'checked PDS'));
    const approve = controller.expectOne('/graphql');
    expect(approve.request.body).toEqual({
      query: APPROVE_OPERATION,
      variables: { input: { operationId: 'o1', reason: 'checked PDS' } },
    });
    approve.flush({ data: { approveOperation: { task: null, operation: { id: 'o1', status: 'applied' } } } });
    await expect(approved).resolves.toMatchObject({ operation: { status: 'applied' } });

    const rejected = firstValueFrom(api.decide('reject', 'o2', 'two patients'));
    const reject = controller.expectOne('/graphql');
    expect(reject.request.body.query).toBe(REJECT_OPERATION);
    reject.flush({
      errors: [
        { message: 'operation o2 is applied, not waiting for approval', extensions: { code: 'CONFLICT' } },
      ],
    });
    await expect(rejected).rejects.toMatchObject({
      code: 'CONFLICT',
      serverMessage: 'operation o2 is applied, not waiting for approval',
    });
  });
});
