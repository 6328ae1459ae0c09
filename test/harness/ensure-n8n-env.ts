import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Jest's setup sets these, but the demo runs the harness with plain `tsx`, so every harness module
// that loads n8n-core imports this file first.
// n8n-core writes its instance config (an encryption key) under N8N_USER_FOLDER, default ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-harness-'));
// n8n's error reporter logs every node error, as a server would; set N8N_LOG_LEVEL=info to see it.
process.env.N8N_LOG_LEVEL ??= 'silent';
