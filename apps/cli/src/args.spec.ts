import { checkOptions, parseArgs, requireOption, UsageError } from './args';

describe('parseArgs', () => {
  it('separates positional words, valued options and flags', () => {
    const args = parseArgs(['dedupe', '--input', 'a.csv', '--estimate', '--out=dir']);
    expect(args.positional).toEqual(['dedupe']);
    expect(args.options.get('input')).toBe('a.csv');
    expect(args.options.get('estimate')).toBe(true);
    expect(args.options.get('out')).toBe('dir');
  });

  it('names a missing value and an unknown option', () => {
    const args = parseArgs(['--input', '--typo', 'x']);
    expect(() => requireOption(args, 'input')).toThrow(new UsageError('--input needs a value'));
    expect(() => checkOptions(args, ['input'])).toThrow(/unknown option --typo/);
  });
});
