// Where the e2e run keeps things, and the versions it runs against.
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const E2E_CACHE_DIR = join(REPO_ROOT, '.cache', 'e2e');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const DOCS_DIR = join(REPO_ROOT, 'docs');

/** The n8n release this package is proven against (the current 2.x line: CLI and editor). */
export const N8N_VERSION = '2.41.1';

/** One n8n line the e2e proves, each installed into its own folder of .cache/e2e. */
export interface N8nLine {
	label: string;
	version: string;
	/** Folder name inside .cache/e2e. */
	folder: string;
	/** `overrides` for the installing folder's package.json. */
	overrides?: Record<string, string>;
}

export const N8N_2X: N8nLine = { label: 'n8n 2.x', version: N8N_VERSION, folder: 'n8n' };
/**
 * The newest 1.x (still maintained, many self-hosted installs stay on it). It depends on SheetJS's xlsx
 * as a tarball from the vendor's CDN; the override takes the same library from the npm registry.
 */
export const N8N_1X: N8nLine = { label: 'n8n 1.x', version: '1.123.81', folder: 'n8n-1.x', overrides: { xlsx: '0.18.5' } };
/** n8n 2.41 needs Node.js 24 (its isolated-vm expression engine ships prebuilt binaries only for it). */
export const NODE_VERSION = '24.21.0';

export const PACKAGE_NAME = 'n8n-nodes-alibabacloud-iot';
export const NODE_TYPE = `${PACKAGE_NAME}.alibabaCloudIot`;
export const CREDENTIAL_TYPE = 'alibabaCloudIotApi';
