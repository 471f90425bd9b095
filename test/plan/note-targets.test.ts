// Notes that differ only in the container they name become one note naming them all, and such a
// note narrows back to the containers one file is about. Pure: notes in, notes out.
import { describe, expect, it } from 'vitest';
import { groupByTarget, narrowNote } from '../../src/plan/note-targets.js';
import type { PlanNote } from '../../src/plan-model/plan.js';

const KNOWN = ['web', 'web-2', 'db', 'shop/app'];
const oom = (name: string, paths?: string[]): PlanNote => ({ ruleId: '5.11', text: `Container ${name} is OOM-killed if it needs more than 512m.`, paths });

describe('groupByTarget', () => {
  it('says the same thing about several containers once, naming them all in order', () => {
    const notes = groupByTarget([oom('web', []), oom('db', []), oom('web-2', ['/srv/a/compose.yaml'])], KNOWN);
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toBe('Each of containers web, db and web-2 is OOM-killed if it needs more than 512m.');
    expect(notes[0].targets).toEqual([
      { name: 'web', paths: [] },
      { name: 'db', paths: [] },
      { name: 'web-2', paths: ['/srv/a/compose.yaml'] },
    ]);
    expect(notes[0].paths).toEqual(['/srv/a/compose.yaml']);
  });

  it('keeps one rule apart from another with the same words, and a name inside the text apart', () => {
    const other = { ...oom('db', []), ruleId: '5.12' };
    const net = (n: string): PlanNote => ({
      ruleId: '5.30',
      text: `Container ${n} leaves docker0: create the network first (\`docker network create ${n}-net\`).`,
    });
    const notes = groupByTarget([oom('web', []), other, net('web'), net('db')], KNOWN);
    expect(notes.map((n) => n.text)).toEqual([oom('web').text, other.text, net('web').text, net('db').text]);
    // A note whose text names its container twice is left as it is: its words hold for that one only.
    expect(notes[2].targets).toBeUndefined();
  });

  it('tells "web" from "web-2" and reads lower-case and Compose subjects', () => {
    const setuid = (n: string): PlanNote => ({
      ruleId: '5.26',
      text: `setuid programs inside container ${n} (sudo, su) can no longer raise privileges.`,
      paths: [],
    });
    const svc = (n: string): PlanNote => ({ ruleId: '5.4', text: `Compose service ${n} keeps NET_BIND_SERVICE under cap_drop ALL.` });
    const notes = groupByTarget([setuid('web-2'), setuid('web'), svc('shop/app')], KNOWN);
    expect(notes[0].text).toBe('setuid programs inside each of containers web-2 and web (sudo, su) can no longer raise privileges.');
    expect(notes[1].targets).toEqual([{ name: 'shop/app' }]);
  });
});

describe('narrowNote', () => {
  it('rewords a note for the containers one file is about, and drops it where none is left', () => {
    const [note] = groupByTarget([oom('web', ['/a']), oom('db', ['/b']), oom('web-2', ['/a'])], KNOWN);
    expect(narrowNote(note, (t) => t.paths!.includes('/a'))).toMatchObject({
      text: 'Each of containers web and web-2 is OOM-killed if it needs more than 512m.',
      paths: ['/a'],
    });
    expect(narrowNote(note, (t) => t.paths!.includes('/b'))?.text).toBe(oom('db').text);
    expect(narrowNote(note, () => false)).toBeNull();
    expect(narrowNote(note, () => true)).toBe(note);
  });
});
