// The date-time check the response validators define for themselves (Ajv standalone code cannot
// load ajv-formats in a browser) must give ajv-formats' verdicts.
import { describe, expect, test } from 'vitest';
import { responseValidators } from '../../packages/client/generated/off-ramp-response-validators.js';
import { checkFormatsCode, formatsCode } from '../../scripts/lib/standalone-formats.ts';
import { responseExamples } from '../support/spec.ts';

describe('formats in the standalone response validators', () => {
  test('date-time agrees with ajv-formats on every sample', () => {
    expect(() => checkFormatsCode()).not.toThrow();
  });

  test('the check fails on a date-time without the leap-year rule (so it can fail)', () => {
    expect(() => checkFormatsCode(formatsCode.replace('isLeapYear(year) ? 29', 'true ? 29'))).toThrow(/disagrees.*1900-02-29/);
  });

  test.each([
    ['createdAt', '2026-02-30T10:00:00Z'],
    ['createdAt', '2026-12-02T10:00:00'],
    ['id', 'not-a-uuid-but-36-characters-long-xx'],
  ])('a 201 whose %s is %s is rejected', (field, value) => {
    const body = structuredClone(responseExamples.FiatAmountToMexico!.value);
    body.data[field] = value;
    expect(responseValidators[201](responseExamples.FiatAmountToMexico!.value)).toBe(true);
    expect(responseValidators[201](body)).toBe(false);
  });
});
