// Issue 8.5: a proxy or WAF in front of the endpoint echoes the signed request (URL with its query
// string) in an HTML title and body, in plain text, in a JSON Message and in a header. Whatever it
// answers, nothing n8n shows or stores may hold the secret, the STS token, Signature=,
// SecurityToken= or the AccessKey ID in URL form.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { ECHO_FORMATS, EMULATOR_KEYS, FIXTURE_FIRMWARES, type EchoFormat } from '../../../tools/emulator';
import { testCredential } from '../../harness';
import { credentialFor, firmware, runListByFirmware, secretsOf } from '../../support/alibabaNode';
import { loadOptionsContext } from '../../support/loadOptions';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

/** Retried once: a proxy page is retryable, and the retry's answer must be as clean as the first. */
const parameters = { ...firmware(FIXTURE_FIRMWARES.demo), returnAll: true, options: { maxAttempts: 2 } };

/** Everything of the request a leak would show, as the proxy echoes it. */
function forbiddenIn(credential: IDataObject): Array<string | RegExp> {
	const keyId = String(credential.accessKeyId);
	return [
		...secretsOf(credential),
		/SecurityToken(=|%3D)/i,
		/Signature(=|%3D)(?!\[redacted\])/i,
		/SignatureNonce(=|%3D)(?!\[redacted\])/i,
		`AccessKeyId=${keyId}`,
		`AccessKeyId%3D${encodeURIComponent(keyId)}`,
		/\?[^\s"]*AccessKeyId/,
	];
}

function expectNothingOfTheRequest(text: string, credential: IDataObject): void {
	for (const pattern of forbiddenIn(credential)) {
		if (typeof pattern === 'string') expect(text).not.toContain(pattern);
		else expect(text).not.toMatch(pattern);
	}
}

const sts = () => credentialFor(emulator, 'sts');

describe.each<EchoFormat>(ECHO_FORMATS)('an echoing proxy answering %s', (format) => {
	beforeEach(() => emulator.setEchoProxy({ format }));
	afterEach(() => emulator.setEchoProxy(undefined));

	it('fails the node with a clean error: message, description and every field of the run', async () => {
		const credential = sts();
		const result = await runListByFirmware({ credential, parameters });
		expect(result.error).toBeDefined();
		expect(String(result.error!.message)).toContain(emulator.url);
		expectNothingOfTheRequest(result.serialized, credential);
		// The proxy really echoed it: the scan above is not looking at a request that never went out.
		expect(emulator.requests.length).toBe(2);
		expect(emulator.requests[0].params.SecurityToken).toBe(EMULATOR_KEYS.sts.securityToken);
	});

	it('keeps error items clean under Continue On Fail (regular and error output)', async () => {
		const credential = sts();
		for (const onError of ['continueRegularOutput', 'continueErrorOutput'] as const) {
			const result = await runListByFirmware({ credential, parameters, onError });
			expect(result.outputs.flat()).toHaveLength(1);
			expectNothingOfTheRequest(result.serialized, credential);
		}
	});

	it('keeps the credential Test verdict clean', async () => {
		const credential = sts();
		const verdict = await testCredential({
			type: new AlibabaCloudIot(),
			functionName: 'alibabaCloudIotApiTest',
			credentialType: 'alibabaCloudIotApi',
			data: credential as ICredentialDataDecryptedObject,
		});
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain(emulator.url);
		expectNothingOfTheRequest(verdict.message, credential);
	});

	it('keeps the Firmware picker error clean', async () => {
		const credential = sts();
		const node = new AlibabaCloudIot();
		const context = loadOptionsContext(
			{ type: node, parameters: {}, credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } } },
			{ alibabaCloudIotApi: credential as ICredentialDataDecryptedObject },
		);
		const error = await node.methods.listSearch.searchFirmwares.call(context).then(
			() => undefined,
			(failure: unknown) => failure as Error & { description?: string },
		);
		expect(error).toBeDefined();
		expectNothingOfTheRequest(JSON.stringify({ message: error!.message, description: error!.description, stack: error!.stack }), credential);
	});
});

describe('what the error still tells', () => {
	afterEach(() => emulator.setEchoProxy(undefined));

	it("quotes an HTML page's title, redacted, with the status", async () => {
		emulator.setEchoProxy({ format: 'html', httpStatus: 502 });
		const result = await runListByFirmware({ credential: sts(), parameters });
		expect(result.error!.message).toBe(
			`${emulator.url} answered HTTP 502 with something that is not Alibaba Cloud JSON (page titled "502 Request blocked: [redacted URL]") (gave up after 2 attempts)`,
		);
	});

	it("quotes the start of a text answer, redacted", async () => {
		emulator.setEchoProxy({ format: 'text' });
		const result = await runListByFirmware({ credential: sts(), parameters });
		expect(result.error!.message).toMatch(/answered HTTP 403 with something that is not Alibaba Cloud JSON \(starts with "\[redacted URL\] blocked by proxy/);
	});

	it("quotes a foreign JSON answer's Message, redacted, with the status", async () => {
		emulator.setEchoProxy({ format: 'json' });
		const result = await runListByFirmware({ credential: sts(), parameters });
		expect(result.error!.message).toBe(
			`${emulator.url} answered HTTP 403 with JSON that is not Alibaba Cloud's ("GET [redacted URL]") (gave up after 2 attempts)`,
		);
		expect(result.error!.description).toContain('HTTP status: 403');
		expect(result.error!.description).toContain('A proxy or gateway answered instead of Alibaba Cloud');
	});

	it('does not take a foreign JSON answer with HTTP 200 for an empty list', async () => {
		emulator.setEchoProxy({ format: 'json', httpStatus: 200 });
		const result = await runListByFirmware({ credential: sts(), parameters });
		expect(result.items).toEqual([]);
		expect(result.error!.message).toMatch(/answered HTTP 200 with JSON that is not Alibaba Cloud's \("GET \[redacted URL\]"\)/);
	});
});
