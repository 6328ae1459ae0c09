import { resolveIotCredentials } from '../../../nodes/AlibabaCloudIot/transport/iotCredentials';
import { sendIotRequest } from '../../../nodes/AlibabaCloudIot/transport/popRequest';
import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

describe('what goes on the wire', () => {
	it('never sends undefined, null or empty values, which pop-core would send as text', async () => {
		const credentials = resolveIotCredentials(credentialFor(emulator));
		await sendIotRequest(
			credentials,
			'ListOTAJobByFirmware',
			{ FirmwareId: FIXTURE_FIRMWARES.demo, CurrentPage: 1, PageSize: 10, IotInstanceId: undefined, Extra: null, Blank: '', Zero: 0 },
			5_000,
		);
		const [request] = emulator.requests;
		expect(request.params).not.toHaveProperty('IotInstanceId');
		expect(request.params).not.toHaveProperty('Extra');
		expect(request.params).not.toHaveProperty('Blank');
		expect(request.params.Zero).toBe('0');
		expect(request.params.RegionId).toBe(credentials.regionId);
	});
});
