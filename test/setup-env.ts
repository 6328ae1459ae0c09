import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its instance config under N8N_USER_FOLDER (default ~/.n8n): keep tests out of $HOME.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-alibabacloud-iot-test-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
