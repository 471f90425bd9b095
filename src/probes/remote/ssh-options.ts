// ssh options that an inventory may pass (ansible_ssh_common_args). An inventory is often a file in
// a shared repository: an audit that only reads must not let it run a command on this machine
// (ProxyCommand, LocalCommand, KnownHostsCommand, Match exec, a library loaded by ssh), write a
// file here (-E), read another ssh config (-F, Include), take over the one multiplexed connection
// (ControlPath, ControlMaster), open forwardings, or turn host key checking off. ProxyJump, keys,
// users, ciphers and the like are what inventories need, and pass.
import { UserError } from '../../core/errors.js';

/** Single-letter flags without a value that change nothing outside the connection. */
const PLAIN_FLAGS = new Set(['4', '6', 'A', 'a', 'C', 'g', 'K', 'k', 'q', 'T', 'v', 'x', 'X', 'Y']);
/** Flags with a value that are safe: key, jump host, user, port, ciphers, MACs, bind address, escape char. */
const VALUE_FLAGS = new Set(['i', 'J', 'l', 'p', 'c', 'm', 'b', 'B', 'e', 'P']);

/** -o keywords (lower case) refused: they run commands, load code, write files, or bypass our connection. */
const REFUSED_KEYWORDS = new Set([
  'proxycommand',
  'localcommand',
  'permitlocalcommand',
  'knownhostscommand',
  'match',
  'include',
  'remotecommand',
  'controlpath',
  'controlmaster',
  'controlpersist',
  'pkcs11provider',
  'securitykeyprovider',
  'localforward',
  'remoteforward',
  'dynamicforward',
  'tunnel',
  'tunneldevice',
  'sessiontype',
  'stdinnull',
  'forkafterauthentication',
  'proxyusefdpass',
]);

const HINT = 'Put such settings in your own ~/.ssh/config (ProxyJump for a bastion), or remove them from ansible_ssh_common_args.';

/** Throws a UserError naming the first option that docker-harden will not pass to ssh. */
export function checkSshOptions(words: readonly string[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const flag = /^-([A-Za-z46])(.*)$/s.exec(word);
    if (!flag) throw refuse(`"${word}" is not an ssh option`);
    const [, letter, attached] = flag;
    if (letter === 'o') {
      const value = attached !== '' ? attached : words[++i];
      if (value === undefined) throw refuse('-o has no value');
      checkKeyword(value);
    } else if (VALUE_FLAGS.has(letter)) {
      if (attached === '' && words[++i] === undefined) throw refuse(`-${letter} has no value`);
    } else if (PLAIN_FLAGS.has(letter)) {
      // A cluster such as -4C: every letter must be a plain flag.
      for (const extra of attached) if (!PLAIN_FLAGS.has(extra)) throw refuse(`-${extra} (in ${word}) is not passed on`);
    } else {
      throw refuse(`-${letter} is not passed on`);
    }
  }
}

function checkKeyword(option: string): void {
  const m = /^\s*([A-Za-z0-9]+)\s*(?:=\s*|\s+)?(.*)$/s.exec(option);
  if (!m) throw refuse(`-o "${option}" is not an ssh option`);
  const keyword = m[1].toLowerCase();
  const value = m[2]
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .toLowerCase();
  if (REFUSED_KEYWORDS.has(keyword)) throw refuse(`-o ${m[1]} could run a command, write a file or bypass the checked connection`);
  if (keyword === 'stricthostkeychecking' && (value === 'no' || value === 'off')) throw refuse('host key checking is never turned off');
}

function refuse(why: string): UserError {
  return new UserError(`its ssh options are refused: ${why}.`, HINT);
}
