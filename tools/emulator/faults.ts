// Misbehaviour on demand: one-off injected answers, and standing fault modes. Both apply only to
// requests that passed authentication and flow control, so `times` counts exactly the requests a test sends.
import { iso, generateJob } from './jobGenerator';
import { hashSeed, mulberry32, randomInt, type Random } from './prng';
import { validateFaultMode, validateInjectedFault } from './faultValidation';
import { echoAnswer, type EchoedRequest } from './echoProxy';
import { businessError, customGatewayError, gatewayError, type Outcome } from './responses';
import type { ThrottleHintStyle } from './servingModes';
import { throttledAnswer } from './throttleHints';
import type { FaultMode, FirmwareFixture, InjectedFault, InjectedResponse, OtaJob } from './types';

/** Tengine's page, what the load balancer in front of the API answers when the service behind it fails. */
export const BAD_GATEWAY_HTML =
	'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n' +
	'<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';

const DEFAULT_MODE_SEED = 0x5eed;

/** The answer a fault forces, and a label for the request log. */
export interface ForcedAnswer {
	outcome: Outcome;
	fault: string;
}

/** What a forced answer may need of the request and the emulator-wide modes. */
export interface ForcingContext {
	throttleHint: ThrottleHintStyle;
	request: EchoedRequest;
}

interface PendingFault {
	fault: InjectedFault;
	remaining: number;
}

interface ActiveMode {
	mode: FaultMode;
	random: Random;
	/** flaky: which failure comes next in the rotation. */
	rotation: number;
	/** shiftingPages: ListOTAJobByFirmware requests seen per firmware, and firmwares already shifted. */
	listingsByFirmware: Map<string, number>;
	shifted: Set<string>;
}

export class FaultInjector {
	private pending: PendingFault[] = [];
	private active: ActiveMode | undefined;

	inject(fault: InjectedFault): void {
		const checked = validateInjectedFault(fault);
		this.pending.push({ fault: checked, remaining: checked.times ?? 1 });
	}

	clearFaults(): void {
		this.pending = [];
	}

	/** Each activation starts afresh: same seed, same sequence of failures; every firmware may shift again. */
	setMode(mode: FaultMode | undefined): void {
		if (!mode) {
			this.active = undefined;
			return;
		}
		const checked = validateFaultMode(mode);
		const seed = 'seed' in checked && checked.seed !== undefined ? checked.seed : DEFAULT_MODE_SEED;
		this.active = { mode: checked, random: mulberry32(seed), rotation: 0, listingsByFirmware: new Map(), shifted: new Set() };
	}

	/** The answer forced on this request, if any: the first matching injected fault, else the fault mode. */
	forcedAnswer(action: string, accessKeyId: string, context: ForcingContext): ForcedAnswer | undefined {
		return this.takeInjected(action, accessKeyId, false, context) ?? this.modeAnswer(context);
	}

	/**
	 * The answer that replaces the action's own once it was carried out, if any: the request did its
	 * work and the client never learns of it (what a lost answer to a write looks like from outside).
	 */
	lostAnswer(action: string, accessKeyId: string, context: ForcingContext): ForcedAnswer | undefined {
		const injected = this.takeInjected(action, accessKeyId, true, context);
		if (injected) return { ...injected, fault: `${injected.fault} after carrying out` };
		const active = this.active;
		if (active?.mode.mode !== 'lostAnswers') return undefined;
		const actions = active.mode.actions;
		const applies = actions ? actions.includes(action) : !/^(List|Query)/.test(action);
		if (!applies || active.random() >= active.mode.rate) return undefined;
		const outcome = LOST_ANSWER_ROTATION[active.rotation++ % LOST_ANSWER_ROTATION.length]();
		return { outcome, fault: 'lostAnswers' };
	}

	private takeInjected(
		action: string,
		accessKeyId: string,
		afterCarryingOut: boolean,
		context: ForcingContext,
	): ForcedAnswer | undefined {
		const index = this.pending.findIndex(
			({ fault }) =>
				(fault.afterCarryingOut === true) === afterCarryingOut &&
				(fault.action ?? action) === action &&
				(fault.accessKeyId ?? accessKeyId) === accessKeyId,
		);
		if (index === -1) return undefined;
		const entry = this.pending[index];
		if (--entry.remaining <= 0) this.pending.splice(index, 1);
		return { outcome: injectedOutcome(entry.fault.respond, context), fault: entry.fault.respond.kind };
	}

	/** shiftingPages: after N listings of a firmware, a new job appears at the head of its list, once. */
	beforeListingJobs(fixture: FirmwareFixture): void {
		const active = this.active;
		if (active?.mode.mode !== 'shiftingPages') return;
		const seen = active.listingsByFirmware.get(fixture.firmwareId) ?? 0;
		active.listingsByFirmware.set(fixture.firmwareId, seen + 1);
		if (seen >= (active.mode.afterRequests ?? 1) && !active.shifted.has(fixture.firmwareId)) {
			active.shifted.add(fixture.firmwareId);
			fixture.jobs.unshift(newestJobFor(fixture));
		}
	}

	private modeAnswer(context: ForcingContext): ForcedAnswer | undefined {
		const active = this.active;
		if (!active || active.mode.mode === 'shiftingPages' || active.mode.mode === 'lostAnswers') return undefined;
		if (active.random() >= active.mode.rate) return undefined;
		if (active.mode.mode === 'throttleStorm') {
			const retryAfterMs = randomInt(active.random, 50, 200);
			return { outcome: throttledAnswer(retryAfterMs, context.throttleHint), fault: 'throttleStorm' };
		}
		const outcome = FLAKY_ROTATION[active.rotation++ % FLAKY_ROTATION.length]();
		return { outcome, fault: 'flaky' };
	}
}

const FLAKY_ROTATION: ReadonlyArray<() => Outcome> = [
	() => gatewayError('ServiceUnavailable'),
	() => gatewayError('InternalError'),
	() => ({ kind: 'raw', httpStatus: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML }),
	() => ({ kind: 'destroy' }),
];

/** Answers that say nothing of whether the request was carried out (ServiceUnavailable would: it refuses). */
const LOST_ANSWER_ROTATION: ReadonlyArray<() => Outcome> = [
	() => ({ kind: 'destroy' }),
	() => gatewayError('InternalError'),
	() => ({ kind: 'raw', httpStatus: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML }),
];

function injectedOutcome(respond: InjectedResponse, context: ForcingContext): Outcome {
	switch (respond.kind) {
		case 'gateway':
			return customGatewayError(respond.httpStatus, respond.code, respond.message, respond.headers);
		case 'business':
			return businessError(respond.code, respond.errorMessage);
		case 'raw':
			return { kind: 'raw', httpStatus: respond.httpStatus, contentType: respond.contentType, body: respond.body };
		case 'destroy':
		case 'hang':
			return { kind: respond.kind };
		case 'throttle':
			return throttledAnswer(respond.waitMs, respond.hint ?? context.throttleHint);
		case 'echo':
			return echoAnswer(respond.format, respond.httpStatus, context.request);
	}
}

function newestJobFor(fixture: FirmwareFixture): OtaJob {
	const random = mulberry32(hashSeed(fixture.firmwareId, fixture.jobs.length));
	const newest = fixture.jobs[0];
	const createMs = newest ? Date.parse(newest.UtcCreate) + 3_600_000 : Date.parse(fixture.utcCreate) + 3_600_000;
	const job = generateJob(random, fixture.firmwareId, fixture.productKey, createMs, new Set(fixture.jobs.map((j) => j.JobId)));
	// A job that just appeared is running, whatever the generator rolled.
	job.JobStatus = 'IN_PROGRESS';
	job.UtcStartTime = iso(createMs);
	job.UtcModified = iso(createMs);
	delete job.UtcEndTime;
	return job;
}
