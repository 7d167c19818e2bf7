// Starts `ocindex serve` on 127.0.0.1 with a system-chosen port, for the browser tests;
// resolves with the child and its base URL once the server prints where it listens.
import { spawn } from 'node:child_process';

export function startServer(binary, dbPath, webDir, env = process.env) {
  const child = spawn(binary, ['serve', '--host', '127.0.0.1', '--port', '0', '--db', dbPath, '--web', webDir], { stdio: ['ignore', 'ignore', 'pipe'], env });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not report its port: ${seen}`)), 30000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve({ child, base: `http://127.0.0.1:${m[1]}/` }); }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
  });
}
