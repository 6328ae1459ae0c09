import { DEFAULT_MAX_REQUESTS_PER_SECOND } from '../../../credentials/common/requestRate';
import { EMULATOR_KEYS, LIST_OTA_JOB_MAX_PAGE_SIZE } from '../../../tools/emulator';
import { DEFAULT_QPS } from '../../../tools/emulator/rateLimit';
import { credentialFor, runListByFirmware } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const PAGES = 30;
const THIRTY_PAGES = 'FwThirtyPages000006000';

const emulator = useEmulator((seeded) => {
	seeded.addFirmware({ firmwareId: THIRTY_PAGES, jobCount: PAGES * LIST_OTA_JOB_MAX_PAGE_SIZE, seed: 30 });
});

/** The most requests the emulator received in any sliding second, by its own clock. */
const peak = () => emulator.peakRequestsPerSecond(EMULATOR_KEYS.active.accessKeyId);

describe('Max Requests per Second = 0', () => {
	// The emulator's own quota is off, as for an endpoint without Alibaba's quota (the only place 0
	// is meant for), and every answer takes a second: then what arrives together is what the node
	// has in flight together, however busy the machine. Four items read 10 pages each at once:
	// unpaced, 40 arrive together; paced at 10 per second, at most two rounds of 10 can fall in one
	// second of arrivals (when a slow send delays the first round).
	beforeEach(() => {
		emulator.setQps(0);
		emulator.setLatency(1000);
	});
	afterEach(() => {
		emulator.setQps(DEFAULT_QPS);
		emulator.setLatency(0);
	});

	it('sends requests unpaced: far more arrive within a second than the default rate lets through', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator, 'active', { maxRequestsPerSecond: 0 }),
			inputItems: [{}, {}, {}, {}],
			parameters: { firmwareId: { __rl: true, mode: 'id', value: THIRTY_PAGES }, returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4 * PAGES * LIST_OTA_JOB_MAX_PAGE_SIZE);
		expect(peak()).toBeGreaterThan(2 * DEFAULT_MAX_REQUESTS_PER_SECOND);
	});
});
