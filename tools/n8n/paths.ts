// Where the e2e run keeps things, and the versions it runs against.
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const E2E_CACHE_DIR = join(REPO_ROOT, '.cache', 'e2e');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const DOCS_DIR = join(REPO_ROOT, 'docs');

/** The n8n release this package is proven against. */
export const N8N_VERSION = '2.41.1';
/** n8n 2.41 needs Node.js 24 (its isolated-vm expression engine ships prebuilt binaries only for it). */
export const NODE_VERSION = '24.21.0';

export const PACKAGE_NAME = 'n8n-nodes-alibabacloud-iot';
export const NODE_TYPE = `${PACKAGE_NAME}.alibabaCloudIot`;
export const CREDENTIAL_TYPE = 'alibabaCloudIotApi';
