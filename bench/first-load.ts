import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import { startHeraldProcess } from '../tests/e2e/support/herald-process';

/**
 * `npm run bench:tab`: the admin tab's first load, as a person on a slow connection meets it. Prints figures; passes
 * or fails nothing. For each run: a fresh page with the cache disabled, Chromium's "Fast 3G" profile through CDP
 * (`Network.emulateNetworkConditions`, DevTools' preset: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up), the tab
 * opened standalone against `npm start`'s server and emulator, until the compose form is usable (the Title field is
 * visible and editable). It reports the JavaScript fetched before that moment — on the wire (Brotli, as served) and
 * gzipped (each file of the build, gzip -9) — and the time.
 */
const FAST_3G = { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9, uploadThroughput: ((750 * 1024) / 8) * 0.9 };
const RUNS = Number(process.env.HERALD_BENCH_TAB_RUNS ?? 3);
const DIST = path.resolve(__dirname, '..', 'tabs', 'dist');

interface Load {
  usableMs: number;
  /** Each request the page made before it was usable, with when it started and ended (Resource Timing). */
  timeline: string[];
  jsFiles: string[];
  jsWireBytes: number;
  jsGzipBytes: number;
  jsRawBytes: number;
  allWireBytes: number;
}

async function measure(page: Page, cdp: CDPSession, url: string, throttled: boolean): Promise<Load> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', throttled ? FAST_3G : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const requests = new Map<string, { url: string; type: string }>();
  const finished: { url: string; type: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (event) => requests.set(event.requestId, { url: event.response.url, type: event.type }));
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) finished.push({ ...request, bytes: event.encodedDataLength });
  });
  await page.goto(url, { waitUntil: 'commit' });
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.waitFor({ state: 'visible', timeout: 120_000 });
  await title.fill('x');
  const usableMs = await page.evaluate(() => performance.now());
  const timeline = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => {
      const timing = entry as PerformanceResourceTiming;
      return `${new URL(timing.name).pathname.replace(/^.*\//, '')} ${Math.round(timing.startTime)}→${Math.round(timing.responseEnd)} ms`;
    }),
  );
  const loadedBefore = [...finished];
  // The form's JavaScript is the entry script and the modules it imports statically, which the build lists in
  // index.html (script + modulepreload); chunks the form asks for once it shows (preview, renderer) are not counted.
  const critical = criticalScripts();
  const js = loadedBefore.filter((entry) => critical.has(new URL(entry.url).pathname.replace(/^\/tab\//, '')));
  const jsFiles = js.map((entry) => new URL(entry.url).pathname.replace(/^\/tab\//, ''));
  const local = jsFiles.map((file) => readFileSync(path.join(DIST, file)));
  return {
    usableMs,
    timeline,
    jsFiles,
    jsWireBytes: js.reduce((sum, entry) => sum + entry.bytes, 0),
    jsGzipBytes: local.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0),
    jsRawBytes: local.reduce((sum, bytes) => sum + bytes.length, 0),
    allWireBytes: loadedBefore.reduce((sum, entry) => sum + entry.bytes, 0),
  };
}

function criticalScripts(): Set<string> {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  process.stdout.write(`# Admin tab first load — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n\n`);
  const herald = await startHeraldProcess({ env: { HERALD_EMULATOR_USERS: '60', HERALD_EMULATOR_SEED: '7' } });
  const browser = await launchBrowser();
  try {
    const url = `${herald.url}/tab/index.html?standalone=1&locale=en-US`;
    const rows: { profile: string; load: Load }[] = [];
    for (const throttled of [false, true]) {
      for (let run = 0; run < RUNS; run += 1) {
        const page = await browser.context.newPage();
        const cdp = await browser.context.newCDPSession(page);
        rows.push({ profile: throttled ? 'Fast 3G' : 'unthrottled', load: await measure(page, cdp, url, throttled) });
        await page.close();
      }
    }
    const first = rows[0]!.load;
    process.stdout.write(`JavaScript before the compose form is usable (${first.jsFiles.length} files: ${first.jsFiles.join(', ')}):\n`);
    process.stdout.write(`  gzipped (gzip -9 of each file): ${kb(first.jsGzipBytes)}   on the wire (as served, Brotli): ${kb(first.jsWireBytes)}   uncompressed: ${kb(first.jsRawBytes)}\n`);
    process.stdout.write(`  everything on the wire before usable (HTML, JS, API calls): ${kb(first.allWireBytes)}\n\n`);
    process.stdout.write('| profile | runs | time to usable compose form (median) | each run |\n|---|---|---|---|\n');
    for (const profile of ['unthrottled', 'Fast 3G']) {
      const times = rows.filter((row) => row.profile === profile).map((row) => row.load.usableMs);
      process.stdout.write(`| ${profile} | ${times.length} | ${(median(times) / 1000).toFixed(2)} s | ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} |\n`);
    }
    const slow = rows.find((row) => row.profile === 'Fast 3G')?.load;
    if (slow) process.stdout.write(`\nOne Fast 3G load, request by request:\n${slow.timeline.map((line) => `  ${line}`).join('\n')}\n`);
    process.stdout.write('\nTargets (issue 15): ≤ 250 KB gzipped JavaScript before the form is usable; usable within 3 s on Fast 3G.\n');
  } finally {
    await browser.close();
    await herald.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
