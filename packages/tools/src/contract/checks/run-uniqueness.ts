// Transaction ids and destination wallet addresses are unique: no two 201s of a run may share one.
import { shown, type Deviation } from './deviation.ts';

export class RunUniqueness {
  private readonly seen = { id: new Map<string, string>(), destinationWalletAddress: new Map<string, string>() };

  check(scenario: string, body: unknown): Deviation[] {
    const data = (body as { data?: Record<string, unknown> } | null)?.data ?? {};
    const deviations: Deviation[] = [];
    for (const field of ['id', 'destinationWalletAddress'] as const) {
      const raw = data[field];
      if (typeof raw !== 'string') continue;
      // EVM addresses are case-insensitive (the mixed case is only a checksum); base58 is not.
      const value = /^0x/i.test(raw) ? raw.toLowerCase() : raw;
      const earlier = this.seen[field].get(value);
      if (earlier !== undefined)
        deviations.push({
          check: 'unique-in-run',
          subject: `data.${field}`,
          expected: `a value not seen before`,
          actual: `${shown(raw)}, already returned to ${earlier}`,
        });
      else this.seen[field].set(value, scenario);
    }
    return deviations;
  }
}
