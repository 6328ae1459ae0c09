// Environments for the tools the e2e run starts.
import { delimiter, dirname } from 'node:path';

/**
 * The current environment without the `npm_*` variables `npm run` exports: they would pass this
 * project's settings (ignore-scripts, its package name...) to the npm and n8n processes we start.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
	}
	return { ...env, ...extra };
}

/** PATH with the folder of `nodeBin` first, so `node` (and npm run through it) is that Node.js. */
export function pathWithNode(nodeBin: string): string {
	return [dirname(nodeBin), process.env.PATH ?? ''].join(delimiter);
}
