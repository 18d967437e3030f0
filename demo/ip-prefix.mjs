// The network part of a client address: what a consent receipt keeps instead of the full IP.
import { isIPv4, isIPv6 } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** The eight 16-bit groups of an IPv6 address, with `::` expanded and an embedded IPv4 tail converted. */
function ipv6Groups(address) {
  const [head, tail = ''] = address.split('::');
  const split = (part) => (part ? part.split(':') : []);
  const toGroups = (parts) =>
    parts.flatMap((part) => {
      if (!isIPv4(part)) return [parseInt(part, 16)];
      const [a, b, c, d] = part.split('.').map(Number);
      return [a * 256 + b, c * 256 + d];
    });
  const start = toGroups(split(head));
  const end = toGroups(split(tail));
  const missing = address.includes('::') ? 8 - start.length - end.length : 0;
  return [...start, ...Array(missing).fill(0), ...end];
}

/**
 * The /24 of an IPv4 address (`203.0.113.0/24`) or the /48 of an IPv6 one (`2001:db8:85a3::/48`); an
 * IPv4-mapped IPv6 address counts as IPv4. Anything else gives ''. Enough to tell a network or a country
 * apart when a consent is disputed, not enough to single out a household.
 */
export function ipPrefix(address = '') {
  const plain = address.split('%')[0];
  const ipv4 = IPV4_MAPPED.exec(plain)?.[1] ?? plain;
  if (isIPv4(ipv4)) return ipv4.split('.').slice(0, 3).join('.') + '.0/24';
  if (!isIPv6(plain)) return '';
  const network = ipv6Groups(plain).slice(0, 3);
  while (network.length && network.at(-1) === 0) network.pop();
  return network.map((group) => group.toString(16)).join(':') + '::/48';
}
