// Ajv standalone code reaches a function format (`date-time`) through `code.formats`, which
// ajv-formats sets to a `require()` of itself: not loadable in a browser. The generated modules
// define the formats they use instead, from this code. ajv-formats' regex formats (`uuid`) are
// inlined by Ajv and need nothing here.
import addFormats from 'ajv-formats';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** JavaScript defining `formats`, with RFC 3339 `date-time` as ajv-formats' full mode checks it. */
export const formatsCode = `const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const fullDate = (text) => {
  const match = /^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$/.exec(text);
  if (!match) return false;
  const year = +match[1], month = +match[2], day = +match[3];
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : daysInMonth[month]);
};
const fullTime = (text) => {
  const match = /^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$/i.exec(text);
  if (!match) return false;
  const hour = +match[1], minute = +match[2], second = +match[3];
  const sign = match[5] === '-' ? -1 : 1, zoneHours = +(match[6] || 0), zoneMinutes = +(match[7] || 0);
  if (zoneHours > 23 || zoneMinutes > 59 || !match[4]) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second: 23:59:60 in UTC.
  const utcMinute = minute - zoneMinutes * sign;
  const utcHour = hour - zoneHours * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
};
const formats = {
  'date-time': { validate: (text) => { const parts = text.split(/t|\\s/i); return parts.length === 2 && fullDate(parts[0]) && fullTime(parts[1]); } },
};`;

/** Strings on which the code above must agree with ajv-formats (the generator checks it). */
export const dateTimeSamples = [
  '2026-12-02T13:04:05Z',
  '2026-12-02T13:04:05.123Z',
  '2026-12-02t13:04:05z',
  '2026-12-02 13:04:05+01:00',
  '2026-12-02T13:04:05+0100',
  '2026-12-02T13:04:05',
  '2026-12-02',
  '13:04:05Z',
  '2026-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-12-00T00:00:00Z',
  '2026-12-02T24:00:00Z',
  '2026-12-02T23:60:00Z',
  '2016-12-31T23:59:60Z',
  '2016-12-31T23:59:60+00:00',
  '2017-01-01T00:59:60+01:00',
  '2016-12-31T22:59:60Z',
  '2026-12-02T13:04:05+24:00',
  '2026-12-02T13:04:05+01:60',
  '2026-12-02T13:04:05.Z',
  '2026-12-02TT13:04:05Z',
  '2026-12-02T13:04:05Z ',
  ' 2026-12-02T13:04:05Z',
  '',
];

/** Throws unless `code` (by default `formatsCode`) gives ajv-formats' verdict on every sample. */
export function checkFormatsCode(code = formatsCode): void {
  const ours = new Function(`${code}\nreturn formats;`)() as Record<string, { validate(text: string): boolean }>;
  const ajv = new Ajv2020();
  addFormats.default(ajv);
  const reference = ajv.compile({ type: 'string', format: 'date-time' });
  const wrong = dateTimeSamples.filter((sample) => ours['date-time']!.validate(sample) !== reference(sample));
  if (wrong.length > 0) throw new Error(`standalone-formats: date-time disagrees with ajv-formats on ${JSON.stringify(wrong)}`);
}
