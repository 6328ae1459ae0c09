import { NodeHelpers } from 'n8n-workflow';

import { AlibabaCloudIotApi } from '../../credentials/AlibabaCloudIotApi.credentials';
import { ON_AS_SAVED_BEFORE_THE_TOGGLE } from '../../credentials/common/toggledField';
import { resolveIotCredentials } from '../../nodes/AlibabaCloudIot/transport/iotCredentials';
import { asN8nDelivers } from '../support/n8nCredentialData';

const keys = { accessKeyId: 'STS.id', accessKeySecret: 'the-secret', regionId: 'cn-shanghai' };
const REGIONAL = 'https://iot.cn-shanghai.aliyuncs.com';
const PRIVATE = 'http://127.0.0.1:8787';

describe('credential toggles, read by resolveIotCredentials', () => {
	it('uses a token and an endpoint saved before the toggles existed (no toggle field at all)', () => {
		const resolved = resolveIotCredentials({ ...keys, securityToken: 'tok', endpoint: PRIVATE });
		expect(resolved).toMatchObject({ securityToken: 'tok', endpoint: PRIVATE });
	});

	it('ignores a value left behind when its toggle is explicitly off', () => {
		const resolved = resolveIotCredentials({
			...keys,
			temporaryCredentials: false,
			securityToken: 'tok',
			customEndpoint: false,
			endpoint: PRIVATE,
		});
		expect(resolved.securityToken).toBeUndefined();
		expect(resolved.endpoint).toBe(REGIONAL);
	});

	it('uses the fields when their toggles are on', () => {
		const resolved = resolveIotCredentials({
			...keys,
			temporaryCredentials: true,
			securityToken: 'tok',
			customEndpoint: true,
			endpoint: PRIVATE,
		});
		expect(resolved).toMatchObject({ securityToken: 'tok', endpoint: PRIVATE });
	});

	it('names the empty field when its toggle is on', () => {
		expect(() => resolveIotCredentials({ ...keys, temporaryCredentials: true, securityToken: ' ' })).toThrow(
			'Temporary Credentials (STS) is on but Security Token is empty',
		);
		expect(() => resolveIotCredentials({ ...keys, customEndpoint: true })).toThrow(
			'Custom Endpoint is on but Endpoint is empty',
		);
	});
});

// n8n fills in absent fields with their defaults and drops fields hidden by display options before
// the node sees a credential; these cases go through that step as n8n 2.41 runs it.
describe('credential toggles, as n8n delivers the credential to the node', () => {
	it('keeps a previous-release credential working: toggles come out on, the values kept', () => {
		const delivered = asN8nDelivers({ ...keys, securityToken: 'tok', endpoint: PRIVATE, maxRequestsPerSecond: 10 });
		expect(delivered).toMatchObject({
			temporaryCredentials: ON_AS_SAVED_BEFORE_THE_TOGGLE,
			securityToken: 'tok',
			customEndpoint: ON_AS_SAVED_BEFORE_THE_TOGGLE,
			endpoint: PRIVATE,
		});
		expect(resolveIotCredentials(delivered)).toMatchObject({ securityToken: 'tok', endpoint: PRIVATE });
	});

	it('keeps a previous-release credential without token or endpoint on the regional endpoint', () => {
		const delivered = asN8nDelivers({ ...keys, securityToken: '', endpoint: '' });
		expect(delivered).toMatchObject({ temporaryCredentials: false, customEndpoint: false });
		const resolved = resolveIotCredentials(delivered);
		expect(resolved.securityToken).toBeUndefined();
		expect(resolved.endpoint).toBe(REGIONAL);
	});

	it('starts a new credential with both toggles off', () => {
		expect(asN8nDelivers({})).toMatchObject({ temporaryCredentials: false, customEndpoint: false });
		expect(asN8nDelivers({})).not.toHaveProperty('securityToken');
		expect(asN8nDelivers({})).not.toHaveProperty('endpoint');
	});

	it('drops a value left behind under a toggle turned off', () => {
		const delivered = asN8nDelivers({
			...keys,
			temporaryCredentials: false,
			securityToken: 'tok',
			customEndpoint: false,
			endpoint: PRIVATE,
		});
		expect(delivered).not.toHaveProperty('securityToken');
		expect(delivered).not.toHaveProperty('endpoint');
		expect(resolveIotCredentials(delivered)).toMatchObject({ securityToken: undefined, endpoint: REGIONAL });
	});

	it('stores a toggle switched on as true, so the editor reads it back on (n8n stores no value equal to its default)', () => {
		const stored = NodeHelpers.getNodeParameters(
			new AlibabaCloudIotApi().properties,
			{ ...keys, temporaryCredentials: true, securityToken: 'tok', customEndpoint: true, endpoint: PRIVATE },
			false,
			false,
			null,
			null,
		);
		expect(stored).toMatchObject({ temporaryCredentials: true, customEndpoint: true });
	});

	it('delivers the fields under toggles turned on', () => {
		const delivered = asN8nDelivers({
			...keys,
			temporaryCredentials: true,
			securityToken: 'tok',
			customEndpoint: true,
			endpoint: PRIVATE,
		});
		expect(resolveIotCredentials(delivered)).toMatchObject({ securityToken: 'tok', endpoint: PRIVATE });
	});
});
