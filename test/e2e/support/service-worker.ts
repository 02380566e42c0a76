import type { BrowserContext, Page } from '@playwright/test';

/**
 * Stops the extension's service worker the way the browser does when it is idle, through the
 * DevTools protocol, and resolves once DevTools reports it stopped. `page` must be an extension
 * page, so that the worker is in its scope.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      if (event.versions.some((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
