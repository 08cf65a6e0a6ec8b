// Destination wallet addresses: a fresh one per transaction, in the format of its chain.
// Each address starts with AES-128 of a counter under a random per-server key: AES is a
// permutation, so distinct counters give distinct blocks and addresses never repeat within a
// server's life, without a set of issued addresses that grows with every request.
import { createCipheriv, randomBytes } from 'node:crypto';
import bs58 from 'bs58';

/** Chains whose addresses are base58 public keys; every other chain here is EVM (`0x` + 40 hex). */
const base58Chains = new Set(['SOL']);

export type WalletAddressSource = (blockchainSymbol: string) => string;

export function createWalletAddressSource(): WalletAddressSource {
  // ECB turns each whole 16-byte block into one output block, so one cipher serves every call.
  const cipher = createCipheriv('aes-128-ecb', randomBytes(16), null).setAutoPadding(false);
  let counter = 0n;
  const uniqueBlock = (): Buffer => {
    const block = Buffer.alloc(16);
    block.writeBigUInt64BE(counter++, 8);
    return cipher.update(block);
  };
  return (blockchainSymbol) => {
    if (base58Chains.has(blockchainSymbol)) {
      // 32 bytes, like a Solana public key: 32 to 44 base58 characters.
      return bs58.encode(Buffer.concat([uniqueBlock(), randomBytes(16)]));
    }
    return `0x${Buffer.concat([uniqueBlock(), randomBytes(4)]).toString('hex')}`;
  };
}
