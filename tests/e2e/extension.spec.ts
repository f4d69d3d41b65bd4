import { expect, test } from './fixtures';

test('the extension loads and its service worker starts', async ({ context, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  expect(worker?.url()).toContain('background.js');
});

test('the popup shows the built-in resolution in German', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('pack-name')).toContainText('KW21 Internationale Zusammenarbeit');
  await expect(page.getByTestId('pack-name')).toContainText('Kreisvorstand');
  await expect(page.getByText('Städtefreundschaft mit Toulouse')).toBeVisible();
  await expect(page.getByText('(KW21, Z. 7–8)')).toBeVisible();
});
