// Headless Chromium (Debian's package, driven by playwright-core) with a fresh profile, signed in to n8n.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import type { Owner } from '../../../tools/n8n/n8nServer';
import { onSignalCleanup } from '../../../tools/n8n/processes';
import { CHROMIUM_PATH } from './chromium';

export interface BrowserSession {
	page: Page;
	/** Uncaught errors of the editor's own scripts, for the log. */
	pageErrors: string[];
	close(): Promise<void>;
}

const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export async function openBrowser(): Promise<BrowserSession> {
	// n8n's editor marks its elements with data-test-id (Playwright's default is data-testid).
	selectors.setTestIdAttribute('data-test-id');
	// playwright-core refuses --user-data-dir in args: a persistent context is how it takes a fresh profile.
	const profile = mkdtempSync(join(tmpdir(), 'n8n-iot-e2e-chromium-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: CHROMIUM_FLAGS,
			viewport: { width: 1600, height: 1000 },
			timeout: 60_000,
			// Our own handlers stop everything on Ctrl-C; Playwright's would exit before they finish.
			handleSIGINT: false,
			handleSIGTERM: false,
			handleSIGHUP: false,
		});
	} catch (error) {
		rmSync(profile, { recursive: true, force: true });
		throw error;
	}
	context.setDefaultTimeout(30_000);
	const page = context.pages()[0] ?? (await context.newPage());
	const pageErrors: string[] = [];
	page.on('pageerror', (error) => pageErrors.push(error.message));
	let closing: Promise<void> | undefined;
	// Called by the suite and by the Ctrl-C handler, possibly both at once: close once.
	const close = () =>
		(closing ??= (async () => {
			unregister();
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
		})());
	const unregister = onSignalCleanup(close);
	return { page, pageErrors, close };
}

export async function signIn(page: Page, baseUrl: string, owner: Owner): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
	await page.getByTestId('password').locator('input').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
