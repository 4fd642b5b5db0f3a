// A second client in a process of its own: when told to, it sends the hostile body (~940 kB of
// nested arrays where a refresh token belongs) to the API at a steady rate, so that its work
// shares no event loop with the client measuring /api/health.
const body = Buffer.from(`{"refreshToken":${'['.repeat(470_000)}${']'.repeat(470_000)}}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

process.on('message', async ({ url, forMs, everyMs }) => {
  const answers = [];
  const until = performance.now() + forMs;
  while (performance.now() < until) {
    answers.push(
      fetch(`${url}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (res) => (await res.arrayBuffer(), res.status))
        .catch(() => 0),
    );
    await sleep(everyMs);
  }
  // Done only once the server has answered every body it was sent.
  process.send({ statuses: await Promise.all(answers) });
});
