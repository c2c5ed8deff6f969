/**
 * The witness's HTTP face (https://c2sp.org/tlog-witness): `POST /add-checkpoint` and, for the
 * operator, `GET /` with the witness's verifier key. Bodies above the note limit are refused
 * before they are read in full.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { MAX_NOTE_BYTES } from '../../shared/log/signed-note';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';
import type { Witness, WitnessAnswer } from './witness-service';

const MAX_BODY_BYTES = MAX_NOTE_BYTES + 8_192;

const readBody = async (request: IncomingMessage): Promise<Uint8Array | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
};

const route = async (witness: Witness, request: IncomingMessage): Promise<WitnessAnswer> => {
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/add-checkpoint') {
    if (request.method !== 'POST') {
      return { status: 405, contentType: 'text/plain; charset=utf-8', body: 'add-checkpoint takes a POST\n' };
    }
    const body = await readBody(request);
    if (body === undefined) {
      return { status: 413, contentType: 'text/plain; charset=utf-8', body: 'request body is too large\n' };
    }
    return witness.addCheckpoint(body);
  }
  if (path === '/' && request.method === 'GET') {
    return {
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: `${formatCosignerKey(witness.signer.key)}\n`,
    };
  }
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found\n' };
};

/** An HTTP server for `witness`; the caller listens and closes it. */
export const createWitnessServer = (witness: Witness, onError: (error: unknown) => void): Server =>
  createServer((request, response) => {
    route(witness, request).then(
      (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-store' });
        response.end(answer.body);
      },
      (error: unknown) => {
        onError(error);
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('internal error: the witness could not record its state\n');
      },
    );
  });
