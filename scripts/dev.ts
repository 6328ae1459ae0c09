/**
 * `npm run dev`: a real n8n 2.41.1 with this package installed, the IoT emulator running, a
 * credential pointed at it and the example workflows imported, for trying the node by hand.
 * The n8n user folder persists in .cache/dev/ (git-ignored); the package is reinstalled from a
 * fresh build on every start. Stops n8n and the emulator on Ctrl-C.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { installCommunityPackage, nodesFolder } from '../tools/n8n/communityPackage';
import { startEmulatorProcess } from '../tools/n8n/emulatorProcess';
import { preferredOrFreePort } from '../tools/n8n/freePort';
import { N8nCli } from '../tools/n8n/n8nCli';
import { n8nLogFile } from '../tools/n8n/n8nEnv';
import { hasOwner, setUpOwner, startN8nServer, type Owner } from '../tools/n8n/n8nServer';
import { buildAndPack } from '../tools/n8n/packageTarball';
import { PACKAGE_NAME, REPO_ROOT } from '../tools/n8n/paths';
import { installCleanupHandlers, isShuttingDown, stopAll } from '../tools/n8n/processes';
import { ensureToolchain } from '../tools/n8n/toolchain';
import { exampleCredentials, loadExamples } from '../test/e2e/workflowFixtures';

const DEV_DIR = join(REPO_ROOT, '.cache', 'dev');
const USER_FOLDER = join(DEV_DIR, 'n8n-user');
const OWNER_FILE = join(DEV_DIR, 'owner.json');

function log(line: string): void {
	console.log(`[dev] ${line}`);
}

/** The owner of the dev instance: made up once, kept next to the user folder. */
function devOwner(): Owner {
	if (existsSync(OWNER_FILE)) return JSON.parse(readFileSync(OWNER_FILE, 'utf8')) as Owner;
	const owner: Owner = {
		email: 'dev@example.com',
		firstName: 'Dev',
		lastName: 'Owner',
		password: `Dev-${Math.random().toString(36).slice(2, 10)}-Pw1`,
	};
	writeFileSync(OWNER_FILE, JSON.stringify(owner, null, 2));
	return owner;
}

async function main(): Promise<void> {
	installCleanupHandlers();
	mkdirSync(USER_FOLDER, { recursive: true });
	const toolchain = await ensureToolchain(log);
	log('building and packing...');
	const packed = await buildAndPack();
	rmSync(join(nodesFolder(USER_FOLDER), 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	await installCommunityPackage(USER_FOLDER, packed.tarball);
	rmSync(packed.dir, { recursive: true, force: true });
	log(`installed ${PACKAGE_NAME} into ${nodesFolder(USER_FOLDER)}`);

	const emulator = await startEmulatorProcess();
	log(`IoT emulator at ${emulator.url}`);

	// The emulator's port changes on every start: import the credential (same ID) again to follow it.
	const examples = loadExamples();
	const cli = new N8nCli(toolchain, USER_FOLDER);
	await cli.importCredentials(exampleCredentials(examples, emulator));
	await cli.importWorkflows(examples.map((example) => example.workflow));
	log(`imported the emulator credential and ${examples.length} example workflow(s)`);

	const port = await preferredOrFreePort(Number(process.env.N8N_PORT ?? 5678));
	const server = await startN8nServer(toolchain, USER_FOLDER, { port });
	const owner = devOwner();
	if (!(await hasOwner(server))) await setUpOwner(server, owner);

	console.log(`
n8n ${server.url}  (package ${PACKAGE_NAME} loaded)
  sign in:    ${owner.email} / ${owner.password}
  workflows:  ${examples.map((example) => `${server.url}/workflow/${example.workflow.id} (${example.file})`).join('\n              ')}
  credential: "${exampleCredentials(examples, emulator)[0]?.name}" -> emulator ${emulator.url}
              AccessKey ID ${emulator.accessKeyId}, Secret ${emulator.accessKeySecret}
  firmwares:  ${Object.entries(emulator.firmwareIds).map(([name, id]) => `${name}=${id}`).join(', ')}
  n8n log:    ${n8nLogFile(USER_FOLDER)}
Ctrl-C stops n8n and the emulator.`);

	const ended = await Promise.race([
		server.process.exited.then((code) => `n8n exited (${code})`),
		emulator.process.exited.then((code) => `the emulator exited (${code})`),
	]);
	if (isShuttingDown()) return;
	console.error(`[dev] ${ended}:\n${server.output().slice(-3000)}`);
	await stopAll();
	process.exit(1);
}

main().catch(async (error: unknown) => {
	if (isShuttingDown()) return;
	console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
	await stopAll();
	process.exit(1);
});
