import { DEMO_PERSONS, DEMO_SEED } from './generator/demo';
import { writePopulation } from './generator/writer';
import { writeGoldenFiles } from './golden/write-golden';

/**
 * `npm run fixtures -- --persons N --seed S --out DIR` writes a population;
 * `--golden DIR` rewrites the golden scenario files instead. Progress goes to stderr.
 */
const USAGE = 'Usage: npm run fixtures -- --persons N --seed S --out DIR [--report json]\n       npm run fixtures -- --golden DIR';

function parse(argv: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    options.set(name, value);
  }
  return options;
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (options.has('golden')) {
    const written = writeGoldenFiles(options.get('golden') as string);
    process.stderr.write(`fixtures: wrote ${written.length} golden scenario files\n`);
    return 0;
  }
  const out = options.get('out');
  if (!out) throw new Error('--out DIR is required');
  const persons = Number(options.get('persons') ?? DEMO_PERSONS);
  if (!Number.isInteger(persons) || persons < 1) throw new Error('--persons must be a positive integer');
  const seed = options.get('seed') ?? DEMO_SEED;
  const started = process.hrtime.bigint();
  const { summary } = await writePopulation({ persons, seed }, out);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `fixtures: ${summary.persons} persons, ${summary.records} records, ${summary.truePairs} true pairs in ${seconds.toFixed(1)} s -> ${out}\n`,
  );
  if (options.get('report') === 'json') {
    // For tools/scripts/bench-fixtures.mjs: generation time without process start-up, and peak RSS.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ persons: summary.persons, records: summary.records, seconds, peakRssMb }) + '\n');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fixtures: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
