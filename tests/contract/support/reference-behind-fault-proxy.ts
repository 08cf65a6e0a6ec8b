// The reference implementation with the fault-injecting proxy in front, started for a test file.
import { afterAll, beforeAll } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../../packages/tools/src/reference/start-reference-server.ts';
import { startFaultInjectingProxy, type FaultInjectingProxy } from './fault-injecting-proxy.ts';
import { scenarioOfRequest } from './scenario-of-request.ts';
import { shortRequestTimeoutMs } from '../../support/reference-http.ts';

export interface ReferenceBehindFaultProxy {
  reference: ReferenceServer;
  faults: FaultInjectingProxy;
}

/** Starts both before the file's tests and stops them after; the fields are set once started. */
export function useReferenceBehindFaultProxy(): ReferenceBehindFaultProxy {
  const servers = {} as ReferenceBehindFaultProxy;
  beforeAll(async () => {
    servers.reference = await startReferenceServer({ requestTimeoutMs: shortRequestTimeoutMs });
    servers.faults = await startFaultInjectingProxy(servers.reference.url, scenarioOfRequest());
  });
  afterAll(async () => {
    await servers.faults?.close();
    await servers.reference?.close();
  });
  return servers;
}
