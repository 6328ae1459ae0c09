/**
 * The trigger's cost per poll, run in a process of its own: `tsx scripts/bench/triggerScenario.ts '<json TriggerSpec>'`.
 * Firmwares whose open jobs are the newest (all older jobs completed), listed newest first (the
 * open jobs on page 1) or oldest first (on the last page); the
 * trigger polled through n8n-core's PollContext (the harness `pollOnce`) and the emulator's
 * request count read per poll. No quota or latency: requests are what is counted here.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { AlibabaCloudIotTrigger } from '../../nodes/AlibabaCloudIot/AlibabaCloudIotTrigger.node.js';
import { startEmulator, EMULATOR_KEYS } from '../../tools/emulator';
import { pollOnce } from '../../test/harness';
import { runAsChild } from './childMain';

export interface TriggerSpec {
	firmwares: number;
	jobsPerFirmware: number;
	order: 'newestFirst' | 'oldestFirst';
}

export interface TriggerResult extends TriggerSpec {
	/** Requests of the first poll (the baseline), then of each later poll. */
	requestsPerPoll: number[];
	/** Items the last poll emitted: one open job changed status before it. */
	lastPollItems: number;
}

/** Jobs open on one page only (of 200 jobs a page): everything but the newest 100 has ended. */
const OPEN_JOBS = 100;

async function run(spec: TriggerSpec): Promise<TriggerResult> {
	const emulator = await startEmulator({ qps: 0, latencyMs: 0 });
	try {
		const firmwareIds: string[] = [];
		for (let index = 0; index < spec.firmwares; index++) {
			const firmwareId = `FwTrigBench${String(index).padStart(11, '0')}`;
			const { jobs } = emulator.addFirmware({ firmwareId, jobCount: spec.jobsPerFirmware, seed: 3000 + index, order: spec.order });
			for (const job of jobs.slice(OPEN_JOBS)) {
				job.JobStatus = 'COMPLETED';
				job.UtcEndTime ??= job.UtcModified;
			}
			firmwareIds.push(firmwareId);
		}
		const credential: IDataObject = {
			accessKeyId: EMULATOR_KEYS.active.accessKeyId,
			accessKeySecret: EMULATOR_KEYS.active.accessKeySecret,
			regionId: 'cn-shanghai',
			endpoint: emulator.url,
			maxRequestsPerSecond: 0,
		};
		const staticData: IDataObject = {};
		const poll = async () => {
			emulator.resetStats();
			const output = await pollOnce({
				node: {
					type: new AlibabaCloudIotTrigger(),
					parameters: { event: 'otaJobCreatedOrStatusChanged', firmwareIds: firmwareIds.join(',') },
					credentials: { alibabaCloudIotApi: { id: '1', name: 'bench' } },
				},
				credentials: { alibabaCloudIotApi: credential as ICredentialDataDecryptedObject },
				mode: 'trigger',
				staticData,
			});
			return { requests: emulator.requests.length, items: output?.[0]?.length ?? 0 };
		};
		const requestsPerPoll: number[] = [];
		requestsPerPoll.push((await poll()).requests);
		requestsPerPoll.push((await poll()).requests);
		const changed = emulator.firmware(firmwareIds[0])!.jobs.find((job) => job.JobStatus !== 'COMPLETED' && job.JobStatus !== 'CANCELED');
		if (changed) changed.JobStatus = 'CANCELED';
		const last = await poll();
		requestsPerPoll.push(last.requests);
		return { ...spec, requestsPerPoll, lastPollItems: last.items };
	} finally {
		await emulator.close();
	}
}

runAsChild(run);
