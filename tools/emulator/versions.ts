// The firmware versions a job upgrades devices from (QueryOTAJob's SrcVersions, each task's SrcVersion).
import { hashSeed } from './prng';
import type { FirmwareFixture } from './types';

/** A differential package upgrades from its one source version; a full one from 1-3 earlier versions. */
export function sourceVersionsOf(fixture: FirmwareFixture, jobId: string): string[] {
	if (fixture.srcVersion !== undefined) return [fixture.srcVersion];
	const count = 1 + (hashSeed(jobId, 11) % 3);
	const versions: string[] = [];
	let version = fixture.destVersion;
	for (let i = 0; i < count; i++) {
		const earlier = earlierVersion(version);
		if (earlier === version || versions.includes(earlier)) break;
		versions.push(earlier);
		version = earlier;
	}
	return versions.length > 0 ? versions : ['0.0.1'];
}

/** 1.2.3 -> 1.2.2 -> 1.2.1 -> 1.2.0 -> 1.1.9 ... */
function earlierVersion(version: string): string {
	const parts = version.split('.').map((part) => Number(part));
	if (parts.some((part) => !Number.isInteger(part) || part < 0)) return `${version}-previous`;
	for (let i = parts.length - 1; i >= 0; i--) {
		if (parts[i] > 0) {
			parts[i]--;
			for (let j = i + 1; j < parts.length; j++) parts[j] = 9;
			return parts.join('.');
		}
	}
	return version;
}
