// Destination addresses without HTTP: many of them, unique, and in each chain's format.
import { describe, expect, test } from 'vitest';
import { createWalletAddressSource } from '../../packages/tools/src/reference/wallet-addresses.ts';

describe('wallet addresses', () => {
  test.each([
    ['POL', /^0x[0-9a-f]{40}$/],
    ['ETH', /^0x[0-9a-f]{40}$/],
    ['SOL', /^[1-9A-HJ-NP-Za-km-z]{32,44}$/],
  ] as const)('%s: 10 000 addresses, all unique and well formed', (chain, format) => {
    const next = createWalletAddressSource();
    const addresses = Array.from({ length: 10_000 }, () => next(chain));
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.filter((address) => !format.test(address))).toEqual([]);
  });

  test('two servers do not share addresses (random per-server key)', () => {
    const [first, second] = [createWalletAddressSource(), createWalletAddressSource()];
    expect(first('POL')).not.toBe(second('POL'));
  });
});
