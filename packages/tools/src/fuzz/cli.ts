// off-ramp-contract fuzz: the command (fuzz-command.ts) with this process' arguments and streams.
import { processIo } from '../cli/command-io.ts';
import { fuzzCommand } from './fuzz-command.ts';

process.exitCode = await fuzzCommand(process.argv.slice(2), processIo);
