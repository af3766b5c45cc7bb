import {
  classifyNhsNumber,
  formatNhsNumber,
  isValidNhsNumber,
  nhsCheckDigit,
  stripNhsNumber,
} from './nhs-number';

describe('NHS number Modulus 11', () => {
  it('accepts the published example 943 476 5919', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(nhsCheckDigit('943476591')).toBe(9);
  });

  it('rejects a single wrong digit and an adjacent transposition of the example', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('9434765991')).toBe(false);
    expect(isValidNhsNumber('4934765919')).toBe(false);
  });

  it('maps check value 11 to 0 and refuses check value 10', () => {
    // 4010232137: 4*10+0*9+1*8+0*7+2*6+3*5+2*4+1*3+3*2 = 92; 92 % 11 = 4; 11-4 = 7
    expect(nhsCheckDigit('401023213')).toBe(7);
    let sawZero = false;
    let sawNull = false;
    for (let n = 100000000; n < 100000200; n++) {
      const nine = String(n);
      const check = nhsCheckDigit(nine);
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
      const expected = 11 - (sum % 11);
      if (expected === 11) {
        expect(check).toBe(0);
        sawZero = true;
      } else if (expected === 10) {
        expect(check).toBeNull();
        sawNull = true;
      } else expect(check).toBe(expected);
      if (check !== null) expect(isValidNhsNumber(nine + String(check))).toBe(true);
    }
    expect(sawZero && sawNull).toBe(true);
  });

  it('strips spaces and dashes and formats 3-3-4', () => {
    expect(stripNhsNumber(' 943-476 5919 ')).toBe('9434765919');
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });

  it('classifies missing, placeholder, invalid, test-range and valid numbers', () => {
    expect(classifyNhsNumber('').status).toBe('missing');
    expect(classifyNhsNumber(undefined).status).toBe('missing');
    expect(classifyNhsNumber('0000000000').status).toBe('placeholder');
    expect(classifyNhsNumber('943 476 5918').status).toBe('invalid');
    expect(classifyNhsNumber('A123456').status).toBe('invalid');
    expect(classifyNhsNumber('999 000 0018').status).toBe('test-range');
    expect(classifyNhsNumber('943 476 5919')).toEqual({ digits: '9434765919', status: 'valid' });
  });
});
