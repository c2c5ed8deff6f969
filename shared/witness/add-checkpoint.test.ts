import { base64 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import {
  formatAddCheckpointRequest,
  formatTreeSizeBody,
  parseAddCheckpointRequest,
  parseCosignatureResponse,
  parseTreeSizeBody,
} from './add-checkpoint';

// The example request and response bodies of c2sp.org/tlog-witness, "add-checkpoint".
const SPEC_REQUEST = `old 20852014
PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
\u2014 example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
`;
const SPEC_RESPONSE = `\u2014 witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==
\u2014 witness.example/w1 I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==
\u2014 witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==
`;

describe('add-checkpoint bodies (c2sp.org/tlog-witness)', () => {
  it('parses the spec example request and writes it back byte for byte', () => {
    const parsed = parseAddCheckpointRequest(SPEC_REQUEST);
    expect(parsed.ok && parsed.request.oldSize).toBe(20852014);
    expect(parsed.ok && parsed.request.proof.length).toBe(4);
    expect(parsed.ok && parsed.request.checkpoint.startsWith('example.com/behind-the-sofa\n20852163\n')).toBe(true);
    expect(parsed.ok && formatAddCheckpointRequest(parsed.request)).toBe(SPEC_REQUEST);
  });

  it('writes and reads a request from size 0 with no proof lines', () => {
    const checkpoint = SPEC_REQUEST.slice(SPEC_REQUEST.indexOf('\n\n') + 2);
    const text = formatAddCheckpointRequest({ oldSize: 0, proof: [], checkpoint });
    expect(text.startsWith('old 0\n\nexample.com/')).toBe(true);
    expect(parseAddCheckpointRequest(text)).toEqual({ ok: true, request: { oldSize: 0, proof: [], checkpoint } });
  });

  it.each([
    ['a leading zero in the old size', SPEC_REQUEST.replace('old 20852014', 'old 020852014')],
    ['no "old" line', SPEC_REQUEST.replace('old 20852014', '20852014')],
    [
      'a proof hash of 31 bytes',
      SPEC_REQUEST.replace('PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=', base64.encode(new Uint8Array(31))),
    ],
    ['non-canonical base64 in the proof', SPEC_REQUEST.replace('Dpkaw=', 'Dpkax=')],
    [
      '64 proof lines',
      SPEC_REQUEST.replace('old 20852014\n', `old 20852014\n${`${base64.encode(new Uint8Array(32))}\n`.repeat(60)}`),
    ],
    ['no empty line', 'old 0\nexample.com/x\n1\n'],
    ['a checkpoint without signatures', 'old 0\n\nexample.com/x\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'],
  ])('refuses a request with %s', (_label, text) => {
    expect(parseAddCheckpointRequest(text).ok).toBe(false);
  });

  it('reads the spec example response as three signature lines and refuses anything else', () => {
    expect(parseCosignatureResponse(SPEC_RESPONSE)).toHaveLength(3);
    expect(parseCosignatureResponse(SPEC_RESPONSE.slice(0, -1))).toBeUndefined();
    expect(parseCosignatureResponse('')).toBeUndefined();
    expect(parseCosignatureResponse('— witness.example/w1 not base64\n')).toBeUndefined();
  });

  it('writes and reads the 409 body of text/x.tlog.size strictly', () => {
    expect(formatTreeSizeBody(20852014)).toBe('20852014\n');
    expect(parseTreeSizeBody('20852014\n')).toBe(20852014);
    expect(parseTreeSizeBody('20852014')).toBeUndefined();
    expect(parseTreeSizeBody('007\n')).toBeUndefined();
  });
});
