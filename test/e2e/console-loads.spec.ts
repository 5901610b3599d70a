import { expect, test } from '@playwright/test';

test('the console loads and reaches the Support API', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/Support API \d+\.\d+\.\d+/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/console-loads.png' });
});
