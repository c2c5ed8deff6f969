import { request } from 'node:http';
import { CliError } from './cli-support';

/**
 * Sends one command to the running server's admin socket (server/admin-socket.ts) and answers its
 * text; a refusal becomes the one line the command prints.
 */
export const askRunningServer = (socketPath: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
  new Promise<string>((resolve, reject) => {
    const req = request({ socketPath, method, path, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        if (res.statusCode === 200) {
          resolve(text);
        } else {
          reject(new CliError(text.trim() || `the running server refused the command (${res.statusCode})`));
        }
      });
    });
    req.on('error', (error) =>
      reject(
        new CliError(
          `the running server did not answer on ${socketPath} (${error.message}): stop it and run the command again`,
        ),
      ),
    );
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
