import { createReadStream, existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { CsvParser, RecordCsvMapper } from '@concord/domain';
import { DEFAULT_MODEL, MatchModel } from '@concord/matching';
import { AppSettingEntity, AppUserEntity, PersonEntity, Role } from '@concord/persistence';
import { AccessService } from '../access/access.service';
import { RegistrationService } from '../registration/registration.service';
import { bulkImport, BulkRow } from '../bulk/bulk-import';

/** The demo sign-ins `npm start` prints. Demo only: never seed them on a real index. */
export const DEMO_USERS: ReadonlyArray<{ username: string; password: string; role: Role }> = [
  { username: 'steward', password: 'concord-steward', role: 'steward' },
  { username: 'senior', password: 'concord-senior', role: 'senior-steward' },
  { username: 'auditor', password: 'concord-auditor', role: 'auditor' },
  { username: 'admin', password: 'concord-admin', role: 'admin' },
];

const DEMO_KEY_SETTING = 'demo-api-key';

export interface DemoSeedResult {
  seeded: boolean;
  records: number;
  apiKey: string | null;
}

/**
 * On first start of a demo instance: the demo users, an API key with every scope (kept
 * in app_setting so later starts can print it again) and the committed demo population,
 * loaded by the bulk import (the batch engine places the same persons as one-at-a-time
 * registration does, in a few statements per thousand records); rows the batch path leaves
 * over (a repeated id) go through RegistrationService like live traffic.
 */
export async function seedDemo(
  dataSource: DataSource,
  access: AccessService,
  registration: RegistrationService,
  recordsCsv: string,
  progress: (done: number) => void = () => undefined,
  model: MatchModel = DEFAULT_MODEL,
): Promise<DemoSeedResult> {
  const settings = dataSource.getRepository(AppSettingEntity);
  const existingKey = await settings.findOneBy({ key: DEMO_KEY_SETTING });
  const hasPersons = (await dataSource.getRepository(PersonEntity).count({ take: 1 })) > 0;
  if (existingKey || hasPersons) return { seeded: false, records: 0, apiKey: existingKey?.value ?? null };

  const users = dataSource.getRepository(AppUserEntity);
  for (const user of DEMO_USERS) {
    if (!(await users.existsBy({ username: user.username })))
      await access.createUser(user.username, user.password, user.role);
  }
  const { key } = await access.createApiKey('demo', ['register', 'match', 'links']);
  let records = 0;
  if (existsSync(recordsCsv)) {
    const rows = await readRecordCsv(recordsCsv);
    const result = await bulkImport(dataSource, rows, {
      model,
      actor: 'seed:demo',
      onProgress: (p) => {
        if (p.kind === 'write' && p.records > 0) progress(p.records);
      },
    });
    records = result.counts.new + result.counts.linked + result.counts.review + result.counts.unchanged;
    for (const row of result.remainder) {
      await registration.register(row.input, 'seed:demo');
      records++;
    }
  }
  // Written last: an interrupted seed runs again on the next start.
  await settings.save({ key: DEMO_KEY_SETTING, value: key });
  return { seeded: true, records, apiKey: key };
}

async function readRecordCsv(path: string): Promise<BulkRow[]> {
  const parser = new CsvParser();
  let mapper: RecordCsvMapper | null = null;
  const rows: BulkRow[] = [];
  const take = (batch: ReturnType<CsvParser['push']>) => {
    for (const row of batch) {
      if (!mapper) {
        mapper = new RecordCsvMapper(row);
        continue;
      }
      const result = mapper.map(row);
      if (result?.ok) rows.push({ line: result.line, input: result.record });
    }
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) take(parser.push(chunk as string));
  take(parser.end());
  return rows;
}
