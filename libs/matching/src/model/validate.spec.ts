import { DEFAULT_MODEL } from './shipped-model';
import { ModelValidationError, validateModel } from './validate';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_MODEL));

describe('validateModel', () => {
  it('accepts the shipped model', () => {
    expect(validateModel(clone()).version).toBe(DEFAULT_MODEL.version);
  });

  it.each([
    ['$.version', (m: any) => delete m.version],
    ['$.prior', (m: any) => (m.prior = 0)],
    ['$.thresholds.review', (m: any) => (m.thresholds.review = 0.9999)],
    ['$.fields[2].levels[0].m', (m: any) => (m.fields[2].levels[0].m = 1.5)],
    ['$.fields[1].levels[1].id', (m: any) => (m.fields[1].levels[1].id = 'close')],
    ['$.fields[0].field', (m: any) => (m.fields[0].field = 'shoeSize')],
    ['$.fields[4].termFrequency', (m: any) => (m.fields[4].termFrequency = true)],
    ['$.blocking.rules[1].on[0]', (m: any) => (m.blocking.rules[1].on[0] = 'dobb')],
    ['$.groups[0].fields[0]', (m: any) => (m.groups[0].fields[0] = 'nope')],
    ['$.safety.twins', (m: any) => delete m.safety.twins],
    ['$.safety.twinsUnbacked', (m: any) => (m.safety.twinsUnbacked = 'no')],
    ['$.blocking.rules[2].maxBlockSize', (m: any) => (m.blocking.rules[2].maxBlockSize = 1)],
  ])('names the path %s', (path, mutate) => {
    const m = clone();
    mutate(m);
    let error: unknown;
    try {
      validateModel(m);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelValidationError);
    expect((error as ModelValidationError).message.startsWith(`${path}:`)).toBe(true);
  });
});
