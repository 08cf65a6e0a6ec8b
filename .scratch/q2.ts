import { clabe } from 'clabe-validator';
import { isValidIBAN, isValidBIC } from 'ibantools';
import { validate as aba } from 'abavalidator';
import { validateRequestShape, validatePricingSource, validateBankSource } from '/work/wt-client/generated/off-ramp-request-validators.js';
import { requestExamples } from '/work/wt-client/tests/support/spec.ts';
const mx = requestExamples.FiatAmountToMexico!.value;
function ns(name: string, fn: ()=>unknown) { const N=300000; for(let i=0;i<N;i++) fn(); const t=process.hrtime.bigint(); for (let i=0;i<N;i++) fn(); console.log(name.padEnd(20), (Number(process.hrtime.bigint()-t)/N).toFixed(0),'ns'); }
ns('clabe', ()=>clabe.validate('012180012345678909'));
ns('iban', ()=>isValidIBAN('DE89370400440532013000'));
ns('bic', ()=>isValidBIC('COBADEFFXXX'));
ns('aba', ()=>aba('021000021'));
ns('shape mx', ()=>validateRequestShape(mx));
ns('pricing', ()=>validatePricingSource(mx));
ns('bank', ()=>validateBankSource(mx));
