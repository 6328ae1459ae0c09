// Which executions each n8n worker ran, from its own log file ("Worker started execution 12 (job 7)").
import { existsSync, readFileSync } from 'node:fs';

import { n8nLogFile } from '../../../tools/n8n/n8nEnv';

export function executionsStartedBy(userFolder: string): string[] {
	const file = n8nLogFile(userFolder);
	if (!existsSync(file)) return [];
	return [...readFileSync(file, 'utf8').matchAll(/Worker started execution (\d+) \(job /g)].map((match) => match[1]);
}
