// Load bench for `igf-rubric serve`, on loopback: requests per second and latency percentiles
// for one assessment and for the sample MAG panel (42 sheets), at 1, 8 and 64 connections,
// each for a few seconds over keep-alive connections. The client (Node) runs on the same
// machine and takes some of its cores: the figures are what this machine serves to itself.
//
// cargo build --release --features cli && node benches/load/run.mjs target/release/igf-rubric [seconds]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import http from 'node:http';

const binary = process.argv[2];
const seconds = Number(process.argv[3] ?? 5);
if (!binary) throw new Error('usage: node benches/load/run.mjs PATH-TO-igf-rubric [seconds]');

const child = spawn(binary, ['serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const port = await new Promise((resolve) => {
  let log = '';
  child.stderr.on('data', (chunk) => {
    log += chunk;
    const found = /serving on http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
    if (found) resolve(Number(found[1]));
  });
});
child.stderr.resume();

const sheet = JSON.parse(readFileSync('examples/data/proposals/ipv6-2016.json', 'utf8'));
const panel = JSON.parse(readFileSync('examples/data/mag-panel.json', 'utf8'));
const cases = {
  'one assessment': JSON.stringify({ rubric: { preset: { id: 'bpf-proposal' } }, assessments: [sheet] }),
  'sample panel (42 sheets)': JSON.stringify({
    rubric: { preset: { id: panel.rubric.id } },
    assessments: panel.assessments,
    options: { consensus: panel.consensus ?? [] },
  }),
};

function post(agent, body) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/api/evaluate', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve([res.statusCode, performance.now() - started]));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(body, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const times = [];
  let other = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const [status, ms] = await post(agent, body);
      if (status === 200) times.push(ms); else other += 1;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? NaN;
  return { rate: times.length / elapsed, p50: at(0.5), p99: at(0.99), other };
}

console.log(`igf-rubric serve load bench: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${seconds} s a case`);
console.log('| Request | Connections | Requests/s | p50 ms | p99 ms | Not 200 |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, body] of Object.entries(cases)) {
  for (const connections of [1, 8, 64]) {
    const { rate, p50, p99, other } = await run(body, connections);
    console.log(`| ${name} | ${connections} | ${rate.toFixed(0)} | ${p50.toFixed(2)} | ${p99.toFixed(2)} | ${other} |`);
  }
}
child.kill('SIGTERM');
