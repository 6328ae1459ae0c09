// What each n8n worker logged, and which executions it ran, from its own log file ("Worker started execution 12 (job 7)").
import { existsSync, readFileSync } from 'node:fs';

import { n8nLogFile } from '../../../tools/n8n/n8nEnv';

export function workerLog(userFolder: string): string {
	const file = n8nLogFile(userFolder);
	return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export function executionsStartedBy(userFolder: string): string[] {
	return [...workerLog(userFolder).matchAll(/Worker started execution (\d+) \(job /g)].map((match) => match[1]);
}
