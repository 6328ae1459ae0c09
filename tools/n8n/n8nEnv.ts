// The environment for one n8n process: an isolated user folder, no telemetry, logs to a file too.
import { join } from 'node:path';

import { cleanEnv, pathWithNode } from './childEnv';
import { freePort } from './freePort';
import type { Toolchain } from './toolchain';

export function n8nLogFile(userFolder: string): string {
	return join(userFolder, 'logs', 'n8n.log');
}

export async function n8nEnv(toolchain: Toolchain, userFolder: string, extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
	return cleanEnv({
		PATH: pathWithNode(toolchain.nodeBin),
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Every n8n process starts a task-runner broker; the default port 5679 would clash.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: n8nLogFile(userFolder),
		N8N_LOG_LEVEL: 'debug',
		...extra,
	});
}
