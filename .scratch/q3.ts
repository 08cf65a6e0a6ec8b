import { validateRequestShape } from '../generated/off-ramp-request-validators.js';
import { errorDetails } from '../src/preflight/error-details.ts';
import { validateOffRampRequest } from '../src/index.ts';
import { bankChecksumDetails } from '../src/preflight/bank-checksums.ts';
import { distinctValidBodies } from '../bench/support/distinct-valid-bodies.ts';
const bodies = distinctValidBodies('MX', 2000).map(b => ({...b, fiatAmount: '1500'}));
const valid = distinctValidBodies('MX', 2000);
function ns(name: string, fn: (b: any)=>unknown, pool=bodies) { for(let r=0;r<5;r++) for (const b of pool) fn(b); const t=process.hrtime.bigint(); for(let r=0;r<10;r++) for (const b of pool) fn(b); console.log(name.padEnd(28), (Number(process.hrtime.bigint()-t)/pool.length/10).toFixed(0),'ns'); }
ns('shape (invalid)', b => validateRequestShape(b));
ns('shape+details (invalid)', b => { validateRequestShape(b); return errorDetails(validateRequestShape.errors ?? []); });
ns('preflight (invalid)', validateOffRampRequest);
ns('shape (valid)', b => validateRequestShape(b), valid);
ns('checksums (valid)', b => bankChecksumDetails(b.userBankInformation), valid);
ns('preflight (valid)', validateOffRampRequest, valid);
validateRequestShape(bodies[0]); console.log(validateRequestShape.errors);
