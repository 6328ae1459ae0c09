// Firmware Get's Include Download URL option: off (the default) keeps only the package's location;
// on, the pre-signed link passes whole, as QueryOTAFirmware answered it.
import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor, firmware } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

const get = (options: Record<string, unknown>) =>
	runOperation({ resource: 'firmware', operation: 'get', parameters: { ...firmware(FIXTURE_FIRMWARES.demo), options }, credential: credentialFor(emulator) });

describe('Firmware Get: Include Download URL', () => {
	it('passes the pre-signed FirmwareUrl on whole when asked', async () => {
		const { items, error } = await get({ includeDownloadUrl: true });
		expect(error).toBeUndefined();
		const url = new URL(String(items[0].json.FirmwareUrl));
		expect(url.pathname).toBe(`/ota/${url.pathname.split('/')[2]}/${FIXTURE_FIRMWARES.demo}.bin`);
		expect([...url.searchParams.keys()].sort()).toEqual(['Expires', 'OSSAccessKeyId', 'Signature']);
	});

	it('keeps only the location when the option is off', async () => {
		const { items, serialized } = await get({ includeDownloadUrl: false });
		expect(String(items[0].json.FirmwareUrl)).not.toContain('?');
		expect(serialized).not.toMatch(/Signature=|OSSAccessKeyId=|Expires=/);
	});
});
