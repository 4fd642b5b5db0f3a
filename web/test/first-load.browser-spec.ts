import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiUrl } from '../../api/test/support/api-url.js';
import { REPO_ROOT } from '../../api/test/support/system.mjs';
import { describeInBrowser, launchBrowser, openPage, type RunningBrowser } from './support/browser.js';

// The libraries only some pages need: the map (leaflet) and the charts (chart.js).
const HEAVY_LIBRARIES = /node_modules\/(leaflet|react-leaflet|@react-leaflet\/core|chart\.js|react-chartjs-2)\//;

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function readManifest(): Manifest {
  return JSON.parse(readFileSync(resolve(REPO_ROOT, 'web/dist/.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The library folders bundled into a built script, from its source map. */
async function librariesIn(scriptUrl: string): Promise<string[]> {
  const response = await fetch(`${scriptUrl}.map`);
  if (!response.ok) throw new Error(`No source map for ${scriptUrl} (${response.status})`);
  const map = (await response.json()) as { sources: string[] };
  return [...new Set(map.sources.map((source) => HEAVY_LIBRARIES.exec(source)?.[1]).filter((name): name is string => Boolean(name)))];
}

/** A module's chunk and every chunk it imports statically, as URLs. */
function chunkUrlsOf(manifest: Manifest, module: string): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(module);
  return [...seen].map((key) => `${apiUrl()}/${manifest[key]!.file}`);
}

describeInBrowser('First load: what the sign-in and registration pages download', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  // The check below is only as good as its detector: the map's and the chart's own chunks must show their libraries.
  it('finds leaflet in the results map chunks and chart.js in the availability chart chunks of this build', async () => {
    const manifest = readManifest();
    const inMap = await Promise.all(chunkUrlsOf(manifest, 'src/features/marketplace/components/results-map.tsx').map(librariesIn));
    const inChart = await Promise.all(chunkUrlsOf(manifest, 'src/features/facilities/components/availability-chart.tsx').map(librariesIn));
    expect(inMap.flat()).toEqual(expect.arrayContaining(['leaflet', 'react-leaflet']));
    expect(inChart.flat()).toEqual(expect.arrayContaining(['chart.js', 'react-chartjs-2']));
  });

  // The landing page is measured by `npm run bench:web` (its search may well show a map).
  it.each(['/login', '/register'])('%s downloads no map or chart library', async (path) => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      const scripts: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.url());
      });
      // Every script the page asks for, lazy chunks included, has arrived once the network is idle.
      await page.goto(`${apiUrl()}${path}`, { waitUntil: 'networkidle0' });
      await page.waitForSelector('main h1, h1');

      expect(scripts.length).toBeGreaterThan(0);
      const found = await Promise.all(scripts.map(async (url) => ({ url, libraries: await librariesIn(url) })));
      expect(found.filter((script) => script.libraries.length)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
