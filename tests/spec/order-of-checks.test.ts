// The spec's order of checks is data (`x-order-of-checks` on the operation); its description's
// numbered list is the same list in prose. Each step of the prose carries the data's title, names
// each of the data's rows (by code or message) and no unique code of another step's row, and the
// preflight sentence names exactly the data's preflight steps.
import { describe, expect, test } from 'vitest';
import { errorCatalogFromSpec, type CatalogRow } from '../../packages/tools/src/spec/error-catalog.ts';
import { orderOfChecks, type CheckStep } from '../../packages/tools/src/spec/order-of-checks.ts';
import { operation, spec } from '../support/spec.ts';

const catalog = errorCatalogFromSpec(spec);
const steps = orderOfChecks(spec);

interface ProseStep {
  number: number;
  title: string;
  text: string;
}

/** The numbered list under "## Order of checks", with each item's text on one line. */
function proseSteps(description: string): { steps: ProseStep[]; intro: string } {
  const section = /^## Order of checks\n([\s\S]*?)(?=^## )/m.exec(description)?.[1];
  if (!section) throw new Error('The description has no "## Order of checks" section');
  const [intro, ...items] = section.split(/^(?=\d+\. )/m);
  return {
    intro: intro!.replace(/\s+/g, ' '),
    steps: items.map((item) => {
      const match = /^(\d+)\. \*\*(.+?)\*\*/.exec(item);
      if (!match) throw new Error(`Not a step: ${item.slice(0, 60)}`);
      return { number: Number(match[1]), title: match[2]!, text: item.replace(/\s+/g, ' ') };
    }),
  };
}

const uniqueCodes = new Set(catalog.map((row) => row.code).filter((code, _i, all) => all.indexOf(code) === all.lastIndexOf(code)));
// A row is named by its code when no other row shares it, else by the start of its message.
const mentions = (text: string, row: CatalogRow) =>
  (uniqueCodes.has(row.code) && text.includes(row.code)) || text.includes(row.message.split(' ').slice(0, 4).join(' '));

/** Every way the prose can disagree with the data. */
function disagreements(description: string, data: CheckStep[]): string[] {
  const prose = proseSteps(description);
  const found: string[] = [];
  if (prose.steps.length !== data.length) found.push(`${prose.steps.length} steps in the prose, ${data.length} in x-order-of-checks`);
  prose.steps.forEach((item, index) => {
    const step = data[index];
    if (item.number !== index) found.push(`step ${index} of the prose is numbered ${item.number}`);
    if (!step) return;
    if (item.title !== step.title) found.push(`step ${index} is "${item.title}" in the prose, "${step.title}" (${step.step}) in the data`);
    for (const name of step.rows) {
      if (!mentions(item.text, catalog.find((row) => row.name === name)!)) found.push(`step ${index} (${step.step}) does not name its row ${name}`);
    }
    for (const row of catalog) {
      if (uniqueCodes.has(row.code) && item.text.includes(row.code) && !step.rows.includes(row.name))
        found.push(`step ${index} (${step.step}) names ${row.code}, a row of another step`);
    }
  });
  const listed = /preflight can reproduce steps ([\d, ]+(?:and|to)[\d ,andto]+?) without/.exec(prose.intro)?.[1] ?? '';
  const numbers = listed.split(/,|and/).flatMap((part) => {
    const [from, to] = part.split('to').map((n) => Number(n.trim()));
    return to === undefined ? [from!] : Array.from({ length: to - from! + 1 }, (_, i) => from! + i);
  });
  const preflight = data.flatMap((step, index) => (step.preflight ? [index] : []));
  if (numbers.join() !== preflight.join())
    found.push(`the prose says the preflight reproduces steps ${numbers.join(', ')}; the data says ${preflight.join(', ')}`);
  return found;
}

describe('the order of checks', () => {
  test('every catalog row is answered at some step', () => {
    const answered = new Set(steps.flatMap((step) => step.rows));
    expect(catalog.filter((row) => !answered.has(row.name)).map((row) => row.name)).toEqual([]);
  });

  test("the description's numbered list is the x-order-of-checks list", () => {
    expect(disagreements(operation.description, steps)).toEqual([]);
  });

  test('two steps swapped in the data, a row moved, or a preflight flag changed, is found', () => {
    const swapped = [...steps];
    [swapped[8], swapped[9]] = [swapped[9]!, swapped[8]!];
    expect(disagreements(operation.description, swapped)).toEqual(
      expect.arrayContaining([
        `step 8 is "Quote" in the prose, "Currency" (currency) in the data`,
        'step 8 (currency) does not name its row FiatCurrencyUnavailable',
      ]),
    );
    const moved = steps.map((step) =>
      step.step === 'receiver'
        ? { ...step, rows: step.rows.filter((row) => row !== 'ReceiverOfOtherUser') }
        : step.step === 'amounts'
          ? { ...step, rows: [...step.rows, 'ReceiverOfOtherUser'] }
          : step,
    );
    expect(disagreements(operation.description, moved)).toEqual([
      'step 12 (receiver) names RECEIVER_USER_MISMATCH, a row of another step',
      'step 13 (amounts) does not name its row ReceiverOfOtherUser',
    ]);
    const flagged = steps.map((step) => (step.step === 'user' ? { ...step, preflight: true } : step));
    expect(disagreements(operation.description, flagged)).toEqual([
      'the prose says the preflight reproduces steps 1, 3, 5, 6, 7; the data says 1, 3, 4, 5, 6, 7',
    ]);
  });

  test('the list is checked when read: a row outside the catalog or a step listed twice is refused', () => {
    const withSteps = (list: unknown) => ({
      ...spec,
      paths: { ...spec.paths, '/api/partner/v2/off-ramp': { post: { ...operation, 'x-order-of-checks': list } } },
    });
    expect(() => orderOfChecks(withSteps([...steps, { step: 'extra', title: 'Extra', preflight: false, rows: ['NoSuchRow'] }]))).toThrow(/NoSuchRow/);
    expect(() => orderOfChecks(withSteps([...steps, steps[0]]))).toThrow(/listed twice/);
    expect(() => orderOfChecks(withSteps(undefined))).toThrow(/no x-order-of-checks/);
  });
});
