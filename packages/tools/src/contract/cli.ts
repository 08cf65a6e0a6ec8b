// off-ramp-contract contract: the command (contract-command.ts) with this process' arguments and streams.
import { processIo } from '../cli/command-io.ts';
import { contractCommand } from './contract-command.ts';

process.exitCode = await contractCommand(process.argv.slice(2), processIo);
