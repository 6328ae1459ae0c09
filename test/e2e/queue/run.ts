/**
 * `npm run e2e:queue`: this package in real n8n 2.41.1 queue mode. Installs what is missing
 * (Debian's postgresql and redis-server; Node.js 24 and n8n into .cache/e2e), starts Postgres and
 * Redis on free local ports in temporary folders, the IoT emulator, n8n's main process and four
 * workers (each with the packed package installed as a community package in its own user folder),
 * all with the durable scheduler on and the shared quota limiter on queue mode's Redis
 * (ALIBABA_CLOUD_IOT_QUOTA_REDIS=queue); then
 *   A. calls a webhook workflow for eight 3,000-job firmwares at once (one account's quota);
 *   B. watches a firmware with the trigger across a restart of the main process.
 * Prints one line per check, how long each phase took, and "N passed, N failed".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FirmwareSpec } from '../../../tools/emulator';
import { Checks, StepFailed } from '../checks';
import { installCommunityPackage } from '../../../tools/n8n/communityPackage';
import { startEmulatorProcess } from '../../../tools/n8n/emulatorProcess';
import { N8nCli } from '../../../tools/n8n/n8nCli';
import type { N8nServer } from '../../../tools/n8n/n8nServer';
import { buildAndPack } from '../../../tools/n8n/packageTarball';
import { installCleanupHandlers, isShuttingDown, onSignalCleanup, stopAll } from '../../../tools/n8n/processes';
import { ExpectedJobs } from '../runData';
import { ensureToolchain } from '../../../tools/n8n/toolchain';
import { emulatorCredential } from '../workflowFixtures';
import { ensureDebianPackages } from '../../../tools/services/debianPackages';
import { queueModeEnv, startMain, startWorker, waitForWebhook, type N8nWorker } from './n8nQueue';
import { Phases } from './phases';
import { startPostgres, type PostgresServer } from '../../../tools/services/postgres';
import { triggerWorkflow, WEBHOOK_PATH, webhookListingWorkflow } from './queueWorkflows';
import { startRedis, type RedisServer } from '../../../tools/services/redis';
import { QUOTA_REDIS_VARIABLE } from '../../../nodes/AlibabaCloudIot/transport/quotaRedisConfig';
import { runTriggerRestart } from './triggerRestart';
import { WatchedFirmware } from './watchedFirmware';
import { runWebhookBurst } from './webhookBurst';

const BURST_FIRMWARES: FirmwareSpec[] = Array.from({ length: 8 }, (_, index) => ({
	firmwareId: `FwQueueE2eBurst${String(index + 1).padStart(7, '0')}`,
	jobCount: 3000,
	seed: 9000 + index,
}));
const WORKERS = 4;
/** Eight listings on four workers of two slots each: every worker runs two of them at once. */
const WORKER_CONCURRENCY = 2;

async function main(): Promise<number> {
	installCleanupHandlers();
	const startedAt = Date.now();
	const checks = new Checks();
	const phases = new Phases();
	const temporary: string[] = [];
	const userFolders: string[] = [];
	const services: Array<PostgresServer | RedisServer> = [];
	const removeTemporary = () => temporary.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
	const removeUserFolders = () => userFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
	onSignalCleanup(async () => {
		await Promise.all(services.map((service) => service.stop()));
		removeTemporary();
		removeUserFolders();
	});
	const log = (line: string) => console.log(`  ..    ${line}`);
	const userFolder = (label: string): string => {
		const folder = mkdtempSync(join(tmpdir(), `n8n-iot-e2e-queue-${label}-`));
		userFolders.push(folder);
		return folder;
	};

	try {
		checks.section('Setup');
		const [, toolchain, packed] = await phases.time('install and build', () =>
			Promise.all([
				checks.step("Debian's postgresql and redis-server", () => ensureDebianPackages(log)),
				checks.step('Node.js 24 and n8n in .cache/e2e', () => ensureToolchain(log)),
				checks.step('npm run build and npm pack', async () => {
					const packed = await buildAndPack();
					temporary.push(packed.dir);
					return packed;
				}),
			]),
		);

		const [postgres, redis, emulator] = await phases.time('start Postgres, Redis and the emulator', () =>
			Promise.all([
				checks.step('Postgres 15 on 127.0.0.1, as the postgres user, in a temporary folder', async () => {
					const server = await startPostgres();
					services.push(server);
					return server;
				}),
				checks.step('Redis on 127.0.0.1, without persistence', async () => {
					const server = await startRedis();
					services.push(server);
					return server;
				}),
				checks.step('the IoT emulator (tools/emulator/cli.ts), quotas per account', () =>
					startEmulatorProcess(['--quota-scope', 'account']),
				),
			]),
		);
		log(`postgres 127.0.0.1:${postgres.port}, redis 127.0.0.1:${redis.port}, emulator ${emulator.url}`);

		// Every process (main and workers) shares the account's quota through queue mode's own Redis.
		const env = { ...queueModeEnv(postgres, redis), [QUOTA_REDIS_VARIABLE]: 'queue' };
		const folders = {
			main: userFolder('main'),
			workers: Array.from({ length: WORKERS }, (_, index) => userFolder(`worker${index + 1}`)),
		};
		const expected = new ExpectedJobs();
		const credential = emulatorCredential(emulator, 'queueE2eAccount1', 'Alibaba Cloud IoT (queue e2e)');
		const listing = webhookListingWorkflow(credential);
		const watched = await WatchedFirmware.add(emulator, 'FwQueueE2eWatched00001', 4, 9100);
		const trigger = triggerWorkflow(credential, watched.firmwareId);
		const cli = new N8nCli(toolchain, folders.main, env);
		await phases.time('install the package; n8n migrations', () =>
			Promise.all([
				checks.step("the packed package installed as a community package in each process's user folder", () =>
					Promise.all([folders.main, ...folders.workers].map((folder) => installCommunityPackage(folder, packed.tarball))),
				),
				// The first n8n command on an empty database runs the migrations.
				checks.step('n8n import:credentials (and the migrations, on Postgres)', () => cli.importCredentials([credential])),
				(async () => {
					for (const firmware of BURST_FIRMWARES) {
						await emulator.addFirmware(firmware);
						expected.add(firmware);
					}
				})(),
			]),
		);

		let mainServer: N8nServer | undefined;
		const workers: N8nWorker[] = [];
		let mainStartedAt = Date.now();
		// Workers need only the migrated database; main starts once the workflows are published,
		// which is when n8n activates published workflows.
		await phases.time(`start ${WORKERS} workers; import and publish the workflows, then start main`, () =>
			Promise.all([
				...folders.workers.map((folder, index) =>
					checks.step(`n8n worker ${index + 1} (concurrency ${WORKER_CONCURRENCY})`, async () => {
						workers.push(await startWorker(toolchain, `worker${index + 1}`, folder, env, WORKER_CONCURRENCY));
					}),
				),
				(async () => {
					await checks.step('n8n import:workflow and publish:workflow of both workflows', async () => {
						await cli.importWorkflows([listing, trigger]);
						await Promise.all([cli.publishWorkflow(listing.id), cli.publishWorkflow(trigger.id)]);
					});
					mainStartedAt = Date.now();
					await checks.step('n8n start (main, queue mode, durable scheduler)', async () => {
						mainServer = await startMain(toolchain, folders.main, env);
					});
				})(),
			]),
		);
		workers.sort((a, b) => a.name.localeCompare(b.name));
		await phases.time('wait for the published workflows to be active', () =>
			checks.step('main activated the published webhook workflow', () =>
				waitForWebhook((mainServer as N8nServer).url, WEBHOOK_PATH, 'GET', 60_000),
			),
		);

		checks.section(`A. Webhook → Alibaba Cloud IoT, called for ${BURST_FIRMWARES.length} firmwares at once`);
		await phases.time('scenario A', () =>
			runWebhookBurst({
				checks,
				main: mainServer as N8nServer,
				workers,
				emulator,
				postgres,
				redis,
				workflowId: listing.id,
				firmwares: BURST_FIRMWARES,
				expected,
				log,
			}),
		);

		checks.section('B. Alibaba Cloud IoT Trigger under the durable scheduler, across a restart of main');
		await phases.time('scenario B', () =>
			runTriggerRestart({
				checks,
				emulator,
				postgres,
				workers,
				watched,
				workflowId: trigger.id,
				mainUserFolder: folders.main,
				since: mainStartedAt,
				stopMain: async () => {
					await phases.time('stop main', async () => await mainServer?.process.stop());
				},
				startMain: async () => {
					const port = Number(new URL((mainServer as N8nServer).url).port);
					mainServer = await phases.time('start main again', () => startMain(toolchain, folders.main, env, port));
				},
				log,
			}),
		);
	} catch (error) {
		if (!(error instanceof StepFailed)) {
			await checks.check('the queue-mode e2e run finished without an unexpected error', () => {
				throw error;
			});
		}
	} finally {
		await phases.time('stop everything', async () => {
			await stopAll();
			await Promise.all(services.map((service) => service.stop()));
		});
	}

	if (isShuttingDown()) return await new Promise<never>(() => undefined);
	const failed = checks.failed > 0;
	removeTemporary();
	if (failed) console.log(`\nn8n user folders kept for inspection: ${userFolders.join(' ')}`);
	else removeUserFolders();
	console.log(`\n${phases.summary()}`);
	console.log(`\ne2e:queue took ${Math.round((Date.now() - startedAt) / 1000)} s`);
	console.log(checks.summary());
	return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
