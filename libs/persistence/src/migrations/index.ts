import { Initial1795839086357 } from './1795839086357-Initial';
import { AuditLedger1795841148917 } from './1795841148917-AuditLedger';
import { StewardWorkflow1795862693275 } from './1795862693275-StewardWorkflow';
import { ApiKeyRotation1795862822956 } from './1795862822956-ApiKeyRotation';
import { LinkPersonHistory1795862917571 } from './1795862917571-LinkPersonHistory';
import { AuditSealing1795863220435 } from './1795863220435-AuditSealing';
import { TermFrequencies1795864150051 } from './1795864150051-TermFrequencies';
import { ModelVersions1795864196872 } from './1795864196872-ModelVersions';
import { ChangeFeedSequencer1795873359894 } from './1795873359894-ChangeFeedSequencer';
import { OperationRequesterId1795880000000 } from './1795880000000-OperationRequesterId';
import { TaskAssigneeId1795890000000 } from './1795890000000-TaskAssigneeId';
import { RegistrationFunctions1795900000000 } from './1795900000000-RegistrationFunctions';

/** Every migration in order. Listed explicitly so bundled builds carry them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795839086357,
  AuditLedger1795841148917,
  StewardWorkflow1795862693275,
  ApiKeyRotation1795862822956,
  LinkPersonHistory1795862917571,
  AuditSealing1795863220435,
  TermFrequencies1795864150051,
  ModelVersions1795864196872,
  ChangeFeedSequencer1795873359894,
  OperationRequesterId1795880000000,
  TaskAssigneeId1795890000000,
  RegistrationFunctions1795900000000,
];
