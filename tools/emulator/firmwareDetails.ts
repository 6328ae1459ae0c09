// QueryOTAFirmware's `FirmwareInfo` (fields from the SDK model, docs/alibaba-api.md): the listed fields,
// plus those only the single-package query has, derived from the FirmwareId.
import { hashSeed, mulberry32, randomAlphanumeric, randomInt } from './prng';
import type { FirmwareFixture } from './types';

const HEX = '0123456789abcdef';

export function firmwareDetail(fixture: FirmwareFixture): Record<string, unknown> {
	const random = mulberry32(hashSeed(fixture.firmwareId, 0xf1));
	const sign = Array.from({ length: 32 }, () => HEX[Math.floor(random() * 16)]).join('');
	const size = randomInt(random, 200_000, 16_000_000);
	// The live answer carries a pre-signed OSS download URL: Expires, OSSAccessKeyId and Signature in its
	// query. A client must not show it (it grants download access), so the emulator sends one too.
	const expires = Math.floor(Date.now() / 1000) + 3600;
	const url =
		`https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/${sign.slice(0, 16)}/${fixture.firmwareId}.bin` +
		`?Expires=${expires}&OSSAccessKeyId=LTAI5tEmulatorOssKey01&Signature=${encodeURIComponent(randomAlphanumeric(random, 27) + '=')}`;
	const uploaded = fixture.uploaded;
	return {
		DestVersion: fixture.destVersion,
		FirmwareDesc: fixture.description,
		FirmwareId: fixture.firmwareId,
		FirmwareName: fixture.name,
		FirmwareSign: uploaded?.sign ?? sign,
		FirmwareSize: uploaded?.size ?? size,
		FirmwareUrl: uploaded ? `${uploaded.url}?Expires=${expires}&OSSAccessKeyId=LTAI5tEmulatorOssKey01&Signature=${encodeURIComponent(randomAlphanumeric(random, 27) + '=')}` : url,
		ModuleName: fixture.moduleName,
		ProductKey: fixture.productKey,
		ProductName: fixture.productName,
		SignMethod: uploaded?.signMethod ?? 'MD5',
		...(fixture.srcVersion !== undefined && { SrcVersion: fixture.srcVersion }),
		Status: fixture.status,
		Type: fixture.type,
		UtcCreate: fixture.utcCreate,
		UtcModified: fixture.utcModified,
		...(verifyProgressOf(fixture.status) !== undefined && { VerifyProgress: verifyProgressOf(fixture.status) }),
	};
}

/** 0 unverified, 100 verified, in between while verifying; a package needing no verification has none. */
function verifyProgressOf(status: number): number | undefined {
	switch (status) {
		case 0:
			return 0;
		case 1:
			return 100;
		case 2:
			return 50;
		case 3:
			return 100;
		default:
			return undefined;
	}
}
