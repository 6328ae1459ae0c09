// CreateOTAFirmware (single-file package): a firmware from an object PostObject stored. Names are
// unique per account. The Codes for a duplicate name, an unknown FirmwareUrl and a sign or size
// that differ from the object's are GUESSES (docs/alibaba-api.md).
import { randomBytes } from 'node:crypto';

import { illegalRequest } from '../otaErrors';
import { businessError, missingParameter, success, type Outcome } from '../responses';
import type { FirmwareFixture } from '../types';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export function createOtaFirmware(params: Record<string, string>, context: ActionContext): Outcome {
	for (const name of ['FirmwareName', 'DestVersion', 'FirmwareUrl']) {
		if (!params[name]) return missingParameter(name);
	}
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const type = params.Type === undefined || params.Type === '' ? 0 : Number(params.Type);
	if (type !== 0 && type !== 1) return illegalRequest('Type must be 0 (full) or 1 (differential).');
	if (type === 1 && !params.SrcVersion) return illegalRequest('SrcVersion is required for a differential package (Type 1).');
	const signMethod = params.SignMethod || 'MD5';
	if (signMethod !== 'MD5' && signMethod !== 'SHA256') return illegalRequest('SignMethod must be MD5 or SHA256.');
	if (context.firmwares.findByName(params.FirmwareName, instance.iotInstanceId)) {
		return businessError('iot.ota.FirmwareNameExisted', 'A firmware with this name already exists.');
	}
	const object = context.uploads.objectAt(params.FirmwareUrl);
	if (!object) return businessError('iot.ota.FirmwareUrlInvalid', 'The firmware URL does not name an uploaded package.');
	const objectSign = signMethod === 'MD5' ? object.md5 : object.sha256;
	if (params.FirmwareSign && params.FirmwareSign.toLowerCase() !== objectSign) {
		return businessError('iot.ota.FirmwareSignNotMatch', `The FirmwareSign does not match the package's ${signMethod}.`);
	}
	if (params.FirmwareSize && Number(params.FirmwareSize) !== object.size) {
		return businessError('iot.ota.FirmwareSizeNotMatch', "The FirmwareSize does not match the package's size.");
	}

	const now = new Date().toISOString().replace(/\.\d{3}Z$/, '.000Z');
	const fixture: FirmwareFixture = {
		firmwareId: randomBytes(16).toString('base64url').replace(/[-_]/g, 'x').slice(0, 22) + '0200',
		productKey: params.ProductKey ?? '',
		productName: params.ProductKey ? `Product ${params.ProductKey}` : '',
		iotInstanceId: instance.iotInstanceId,
		jobs: [],
		name: params.FirmwareName,
		...(type === 1 && { srcVersion: params.SrcVersion }),
		destVersion: params.DestVersion,
		status: params.NeedToVerify === 'false' ? -1 : 0,
		type,
		moduleName: params.ModuleName || 'default',
		description: params.FirmwareDesc ?? '',
		utcCreate: now,
		utcModified: now,
		uploaded: {
			sign: objectSign,
			signMethod,
			size: object.size,
			url: params.FirmwareUrl.split('?')[0],
			...(params.Udi && { udi: params.Udi }),
		},
	};
	context.firmwares.addCreated(fixture);
	return success({ Success: true, Data: { FirmwareId: fixture.firmwareId, UtcCreate: now } });
}
