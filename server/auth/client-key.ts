import { isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address, `::` expanded and an embedded IPv4 tail folded in. */
const ipv6Groups = (address: string): number[] => {
  const [head = '', tail] = address.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (group.includes('.')) {
            const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
            return [(a << 8) | b, (c << 8) | d];
          }
          return [Number.parseInt(group, 16)];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
};

/**
 * The rate-limit key of a client address: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber usually holds a whole /64, so per-address keys would be free to rotate), and an
 * IPv4-mapped IPv6 address as its IPv4 form.
 */
export const clientKey = (address: string | undefined): string => {
  if (!address) {
    return 'unknown';
  }
  const unzoned = address.split('%')[0] ?? address;
  if (!isIPv6(unzoned)) {
    return unzoned;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(unzoned);
  if (mapped?.[1]) {
    return mapped[1];
  }
  const groups = ipv6Groups(unzoned.toLowerCase());
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
};
