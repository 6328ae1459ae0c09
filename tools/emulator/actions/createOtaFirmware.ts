// CreateOTAFirmware: a firmware from a package uploaded to the emulator's OSS endpoint. FirmwareName is
// unique per account; a differential package (Type 1) needs SrcVersion; a given FirmwareSign and
// FirmwareSize must match the object. Codes of the refusals are GUESSES (docs/alibaba-api.md).
import { createHash } from 'node:crypto';

import { illegalRequest } from '../otaErrors';
import { businessError, missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export function createOtaFirmware(params: Record<string, string>, context: ActionContext): Outcome {
	for (const name of ['FirmwareName', 'DestVersion', 'FirmwareUrl']) if (!params[name]) return missingParameter(name);
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const type = params.Type ? Number(params.Type) : 0;
	if (type !== 0 && type !== 1) return illegalRequest(`Type must be 0 or 1, not "${params.Type}".`);
	if (type === 1 && !params.SrcVersion) return missingParameter('SrcVersion');
	const signMethod = params.SignMethod || 'MD5';
	if (signMethod !== 'MD5' && signMethod !== 'SHA256') return illegalRequest(`SignMethod must be MD5 or SHA256, not "${signMethod}".`);
	const object = context.oss.objectAt(params.FirmwareUrl);
	if (!object) return businessError('iot.ota.FirmwareUrlInvalid', 'No uploaded package is at FirmwareUrl.');
	const sign = signMethod === 'MD5' ? object.md5 : object.sha256;
	if (params.FirmwareSign && params.FirmwareSign.toLowerCase() !== sign) return businessError('iot.ota.FirmwareSignNotMatch', 'FirmwareSign does not match the uploaded package.');
	if (params.FirmwareSize && Number(params.FirmwareSize) !== object.size) return businessError('iot.ota.FirmwareSizeNotMatch', 'FirmwareSize does not match the uploaded package.');
	if (context.firmwares.listNewestFirst().some((fixture) => fixture.name === params.FirmwareName)) {
		return businessError('iot.ota.FirmwareNameExisted', 'A firmware with this name already exists.');
	}
	// From the name, which is unique per account: the same upload gets the same ID on every run.
	const firmwareId = `${createHash('sha256').update(params.FirmwareName).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 18)}0100`;
	// The product's name as its other firmwares give it.
	const sibling = context.firmwares.listNewestFirst().find((other) => other.productKey === params.ProductKey);
	const fixture = context.firmwares.add({
		firmwareId,
		productKey: params.ProductKey || undefined,
		productName: sibling?.productName,
		iotInstanceId: instance.iotInstanceId,
		name: params.FirmwareName,
		destVersion: params.DestVersion,
		srcVersion: type === 1 ? params.SrcVersion : undefined,
		moduleName: params.ModuleName || 'default',
	});
	const now = new Date().toISOString().replace(/\.\d{3}Z$/, '.000Z');
	Object.assign(fixture, {
		type,
		// Alibaba: NeedToVerify defaults to true; a package that needs none has status -1.
		status: params.NeedToVerify === 'false' ? -1 : 0,
		description: params.FirmwareDesc ?? '',
		utcCreate: now,
		utcModified: now,
		uploaded: { sign, signMethod, size: object.size, url: params.FirmwareUrl.split('?')[0], udi: params.Udi || undefined },
	});
	return success({ Success: true, Data: { FirmwareId: firmwareId, UtcCreate: now } });
}
