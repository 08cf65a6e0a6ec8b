import { validateRequestShape } from '../generated/off-ramp-request-validators.js';
import { errorDetails, onePerPath } from '../src/preflight/error-details.ts';
import { validateOffRampRequest } from '../src/index.ts';
import { catalogError } from '../src/catalog/catalog-error.ts';
import { bankChecksumDetails } from '../src/preflight/bank-checksums.ts';
import { bodyKinds, distinctValidBodies } from '../bench/support/distinct-valid-bodies.ts';
const mixed = bodyKinds.flatMap(k => distinctValidBodies(k, 2000));
const bodies = mixed.map((body) => ({ ...body, fiatAmount: '1500', cryptoAmount: undefined, quoteId: undefined, fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC' }));
function ns(name: string, fn: (b: any)=>unknown, pool=bodies) { for(let r=0;r<5;r++) for (const b of pool) fn(b); const s=[]; for(let r=0;r<15;r++){ const t=process.hrtime.bigint(); for (const b of pool) fn(b); s.push(Number(process.hrtime.bigint()-t)/pool.length);} s.sort((a,b)=>a-b); console.log(name.padEnd(28), s[7].toFixed(0),'ns'); }
ns('shape', b => validateRequestShape(b));
ns('shape+details', b => { validateRequestShape(b); return onePerPath(errorDetails(validateRequestShape.errors ?? [])); });
ns('checksums', b => bankChecksumDetails(b.userBankInformation));
ns('catalogError', b => catalogError('InvalidUserInput'));
ns('preflight', validateOffRampRequest);
validateRequestShape(bodies[0]); console.log(validateRequestShape.errors);
validateRequestShape(bodies[3000]); console.log(validateRequestShape.errors);
