// Control routes for quotas (see controlApi.ts): how requests are counted, and what each action gets.
import { checkQuotaScope } from './quotas';
import type { Emulator } from './types';

type Route = (body: unknown, url: URL) => unknown;

export function quotaRoutes(emulator: Emulator): Record<string, Route> {
	return {
		'GET quotas': () => emulator.quotas(),
		/** `{scope: 'account' | 'key'}` */
		'POST quota-scope': (body) => {
			emulator.setQuotaScope(checkQuotaScope((body as Record<string, unknown> | undefined)?.scope));
			return emulator.quotas();
		},
	};
}
