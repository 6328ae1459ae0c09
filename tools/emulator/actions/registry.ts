// Action name -> handler. Adding an action means writing one file and one line here.
import type { FirmwareStore } from '../firmwareStore';
import type { JobRegistry } from '../jobRegistry';
import type { OssUploads } from '../oss/ossUploads';
import type { Outcome } from '../responses';
import type { FirmwareFixture } from '../types';
import { listOtaFirmware } from './listOtaFirmware';
import { cancelOtaTaskByJob } from './cancelOtaTaskByJob';
import { listOtaJobByFirmware } from './listOtaJobByFirmware';
import { listOtaTaskByJob } from './listOtaTaskByJob';
import { queryOtaFirmware } from './queryOtaFirmware';
import { queryOtaJob } from './queryOtaJob';
import { cancelOtaStrategyByJob } from './cancelOtaStrategyByJob';
import { createOtaDynamicUpgradeJob } from './createOtaDynamicUpgradeJob';
import { createOtaStaticUpgradeJob } from './createOtaStaticUpgradeJob';
import { createOtaVerifyJob } from './createOtaVerifyJob';
import { cancelOtaTaskByDevice } from './cancelOtaTaskByDevice';
import { confirmOtaTask } from './confirmOtaTask';
import { listOtaUnfinishedTaskByDevice } from './listOtaUnfinishedTaskByDevice';
import { reupgradeOtaTask } from './reupgradeOtaTask';
import { createOtaFirmware } from './createOtaFirmware';
import { deleteOtaFirmware } from './deleteOtaFirmware';
import { generateOtaUploadUrl } from './generateOtaUploadUrl';

export interface ActionContext {
	firmwares: FirmwareStore;
	/** Jobs by JobId, with their device tasks. */
	jobs: JobRegistry;
	/** Lets a fault mode change a firmware's jobs just before they are listed. */
	beforeListingJobs(fixture: FirmwareFixture): void;
	/** Upload policies handed out and objects received by the emulator's OSS endpoint. */
	oss: OssUploads;
	/** Where that endpoint is, as the client reached the emulator: `http://host:port/__oss`. */
	ossHost: string;
}

/** Runs after the gateway accepted the request; params are the request's, common parameters included. */
export type ActionHandler = (params: Record<string, string>, context: ActionContext, method: string) => Outcome;

export const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map([
	['ListOTAJobByFirmware', listOtaJobByFirmware],
	['ListOTAFirmware', listOtaFirmware],
	['QueryOTAFirmware', queryOtaFirmware],
	['QueryOTAJob', queryOtaJob],
	['ListOTATaskByJob', listOtaTaskByJob],
	['CancelOTATaskByJob', cancelOtaTaskByJob],
	['CreateOTAVerifyJob', createOtaVerifyJob],
	['CreateOTAStaticUpgradeJob', createOtaStaticUpgradeJob],
	['CreateOTADynamicUpgradeJob', createOtaDynamicUpgradeJob],
	['CancelOTAStrategyByJob', cancelOtaStrategyByJob],
	['ConfirmOTATask', confirmOtaTask],
	['ReupgradeOTATask', reupgradeOtaTask],
	['CancelOTATaskByDevice', cancelOtaTaskByDevice],
	['ListOTAUnfinishedTaskByDevice', listOtaUnfinishedTaskByDevice],
	['GenerateOTAUploadURL', generateOtaUploadUrl],
	['CreateOTAFirmware', createOtaFirmware],
	['DeleteOTAFirmware', deleteOtaFirmware],
]);
