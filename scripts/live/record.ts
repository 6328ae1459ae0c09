import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { redactText } from '../../nodes/AlibabaCloudIot/transport/redact';
import type { LiveCheckResult } from './check';

/** Fields that identify an account's things, each mapped to a stable fake of its own kind. */
const FAKES: Record<string, (n: number) => string> = {
	JobId: (n) => `RecJob${String(n).padStart(20, '0')}`,
	FirmwareId: (n) => `RecFw${String(n).padStart(17, '0')}`,
	ProductKey: (n) => `a1Rec${String(n).padStart(6, '0')}`,
	ProductName: (n) => `Recorded product ${n}`,
	FirmwareName: (n) => `Recorded firmware ${n}`,
	RequestId: (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
	IotInstanceId: (n) => `iot-rec-${n}`,
	AccessKeyId: (n) => `LTAIRecorded${n}`,
	DeviceName: (n) => `recorded-device-${n}`,
	FirmwareDesc: (n) => `Recorded description ${n}`,
	ModuleName: (n) => `recorded-module-${n}`,
	// A tag's value is the user's own text.
	Value: (n) => `value-${n}`,
};

/** The fixture file's own names for the same things. */
const SAME_KIND_AS: Record<string, string> = {
	firmwareId: 'FirmwareId',
	productKey: 'ProductKey',
	productName: 'ProductName',
	name: 'FirmwareName',
};

function kindOf(key: string | undefined): string | undefined {
	if (key === undefined) return undefined;
	const kind = SAME_KIND_AS[key] ?? key;
	return kind in FAKES ? kind : undefined;
}

/**
 * Replaces every identifier with a stable fake (the same real ID always gets the same fake,
 * wherever it appears, free text included) and redacts secrets and signed URLs in every string.
 */
export class Anonymiser {
	private readonly fakes = new Map<string, Map<string, string>>();

	constructor(private readonly secrets: string[]) {}

	anonymise<T>(value: T): T {
		this.learn(value);
		return this.scrub(value) as T;
	}

	private learn(value: unknown, key?: string): void {
		if (Array.isArray(value)) value.forEach((element) => this.learn(element));
		else if (typeof value === 'object' && value !== null) {
			for (const [field, inner] of Object.entries(value)) this.learn(inner, field);
		} else if (typeof value === 'string' && value !== '' && kindOf(key)) this.fakeFor(kindOf(key)!, value);
	}

	private fakeFor(kind: string, real: string): string {
		let known = this.fakes.get(kind);
		if (!known) this.fakes.set(kind, (known = new Map()));
		let fake = known.get(real);
		if (fake === undefined) known.set(real, (fake = FAKES[kind](known.size + 1)));
		return fake;
	}

	private scrub(value: unknown, key?: string): unknown {
		if (Array.isArray(value)) return value.map((element) => this.scrub(element));
		if (typeof value === 'object' && value !== null) {
			return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, this.scrub(inner, field)]));
		}
		if (typeof value !== 'string') return value;
		const kind = kindOf(key);
		if (kind && value !== '') return this.fakeFor(kind, value);
		let text = value;
		// Longest first, so an ID that contains another is replaced whole.
		const known = [...this.fakes.values()].flatMap((map) => [...map.entries()]).sort(([a], [b]) => b.length - a.length);
		for (const [real, fake] of known) if (real.length >= 4) text = text.split(real).join(fake);
		return redactText(text, this.secrets);
	}
}

/**
 * `--record DIR`: `fixtures.json` (an array of FirmwareSpec the emulator serves with
 * `--fixtures DIR/fixtures.json --no-seed`, jobs in the order seen) and `answers.json` (every raw
 * exchange of the check), both anonymised.
 */
export function writeRecording(dir: string, result: LiveCheckResult, credential: IDataObject): string[] {
	const secrets = [credential.accessKeySecret, credential.securityToken, credential.accessKeyId].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	const anonymiser = new Anonymiser(secrets);
	// One pass over everything, so each ID gets the same fake in both files.
	const [fixtures, answers] = anonymiser.anonymise([fixturesOf(result), result.exchanges]);
	mkdirSync(dir, { recursive: true });
	const files = [join(dir, 'fixtures.json'), join(dir, 'answers.json')];
	writeFileSync(files[0], JSON.stringify(fixtures, null, '\t') + '\n');
	writeFileSync(files[1], JSON.stringify(answers, null, '\t') + '\n');
	return files;
}

function fixturesOf(result: LiveCheckResult): IDataObject[] {
	if (!result.firmwareId) return [];
	const firstJob = result.jobs[0];
	return [
		{
			firmwareId: result.firmwareId,
			productKey: result.firmware?.ProductKey ?? firstJob?.ProductKey ?? 'a1Recorded',
			productName: result.firmware?.ProductName ?? 'Recorded product',
			name: result.firmware?.FirmwareName ?? 'Recorded firmware',
			destVersion: result.firmware?.DestVersion ?? '0.0.0',
			// Served in the order the live service sent them, fields unchanged. The instance ID is
			// left out: the emulator knows only its own instances.
			order: 'asGiven',
			jobs: result.jobs,
		},
	];
}
