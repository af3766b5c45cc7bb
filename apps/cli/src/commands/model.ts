import { readFileSync } from 'node:fs';
import { ModelRegistry, ModelVersionInfo } from '@concord/services';
import { checkOptions, requireOption, UsageError } from '../args';
import { CliCommand } from '../command';
import { CLI_ACTOR, withDatabase } from '../database';

const when = (d: Date | null) => (d ? d.toISOString() : '–');

function describeVersion(v: ModelVersionInfo): string {
  const flags = [v.status, ...(v.shipped ? ['shipped'] : []), ...(v.current ? ['in use'] : [])].join(', ');
  const made = v.shipped ? 'built into this release' : `loaded ${when(v.createdAt)} by ${v.createdBy}`;
  const activated = v.activatedBy ? `; activated ${when(v.activatedAt)} by ${v.activatedBy}` : '';
  return `${v.version}  (${flags})  ${made}${activated}`;
}

export const modelCommand: CliCommand = {
  name: 'model',
  usage: 'model load --file model.json | model activate --version V | model list',
  summary:
    'Matching model versions: load a model document as a draft (validated; errors name the JSON path), make a version the one every score uses (the running API replicas follow within seconds), list the versions.',
  async run(args) {
    const action = args.positional.shift();
    if (action === 'load') {
      checkOptions(args, ['file']);
      const file = requireOption(args, 'file');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UsageError(`--file: cannot read ${file} (${(error as Error).message})`);
      }
      const info = await withDatabase(({ db }) => new ModelRegistry(db.dataSource).load(text, CLI_ACTOR));
      process.stdout.write(
        `Loaded model ${info.version} as a draft; activate it with: empi model activate --version ${info.version}\n`,
      );
      return 0;
    }
    if (action === 'activate') {
      checkOptions(args, ['version']);
      const version = requireOption(args, 'version');
      const info = await withDatabase(({ db }) =>
        new ModelRegistry(db.dataSource).activate(version, CLI_ACTOR),
      );
      process.stdout.write(`Model ${info.version} is now the one every score uses\n`);
      return 0;
    }
    if (action === 'list') {
      checkOptions(args, []);
      const versions = await withDatabase(({ db }) => new ModelRegistry(db.dataSource).list());
      process.stdout.write(versions.map(describeVersion).join('\n') + '\n');
      return 0;
    }
    throw new UsageError(`unknown action "${action ?? ''}" (use: model load | activate | list)`);
  },
};
