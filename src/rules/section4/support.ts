// Reading raw image inspect data (plus /history) for the image rules: one result per image on
// the host, images that containers use first, each naming the image by its tag.
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, Evidence, Rule } from '../rule.js';
import { factsItem, type FactsItemSpec } from '../item-rule.js';
import { containerViews, engineGate, type ContainerView, type Verdict } from '../section5/support.js';

export interface ImageView {
  raw: EngineObject;
  /** First usable tag, else digest, else the short id. */
  ref: string;
  id: string;
  config: EngineObject;
  /** /images/{id}/history entries, newest first as the API returns them; null when not collected. */
  history: EngineObject[] | null;
  usedBy: ContainerView[];
}

export function imageRef(raw: EngineObject): string {
  const tag = ((raw.RepoTags ?? []) as string[]).find((t) => t && t !== '<none>:<none>');
  if (tag) return tag;
  const digest = ((raw.RepoDigests ?? []) as string[]).find((d) => d && !d.startsWith('<none>'));
  if (digest) return digest;
  return String(raw.Id ?? 'unknown').replace(/^(sha256:[0-9a-f]{12}).*$/, '$1');
}

export function imageViews(facts: HostFacts): ImageView[] {
  const containers = containerViews(facts);
  const views = (facts.engine?.images ?? []).map(
    (raw): ImageView => ({
      raw,
      ref: imageRef(raw),
      id: String(raw.Id ?? ''),
      config: raw.Config ?? {},
      history: Array.isArray(raw.History) ? raw.History : null,
      usedBy: containers.filter((c) => c.raw.Image === raw.Id),
    }),
  );
  return [...views.filter((v) => v.usedBy.length > 0), ...views.filter((v) => v.usedBy.length === 0)];
}

export function imageEvidence(img: ImageView, detail: string): Evidence {
  return { kind: 'image', detail: `${img.ref}: ${detail}` };
}

export function usedByText(img: ImageView): string {
  return img.usedBy.length > 0 ? `used by ${img.usedBy.map((c) => c.name).join(', ')}` : 'used by no container';
}

/** One result per image, or the engine gate's result. */
export function perImage(facts: HostFacts, judge: (img: ImageView) => Verdict): CheckResult[] {
  const gate = engineGate(facts, 'images');
  if (gate) return gate;
  const images = imageViews(facts);
  if (images.length === 0)
    return [{ status: 'not-applicable', message: 'No images exist on this host.', evidence: [{ kind: 'engine', detail: 'images: []' }] }];
  return images.map((img) => {
    const v = judge(img);
    return { status: v.status, message: v.message, evidence: v.details.map((d) => imageEvidence(img, d)), subject: { image: img.ref } };
  });
}

/** An image item: `judge` decides each image on the host (see perImage). */
export interface ImageItemSpec extends Omit<FactsItemSpec, 'check'> {
  judge(img: ImageView): Verdict;
}

export function imageItem(spec: ImageItemSpec): Rule {
  return factsItem({ ...spec, check: (facts) => perImage(facts, spec.judge) });
}

/** The fix of an item whose images must be rebuilt: advice per failing image, by its reference. */
export function adviseEachImage(advice: { text(image: string): string; impact: string }): (failed: CheckResult[]) => Contribution[] {
  return (failed) =>
    failed.filter((r) => r.subject?.image).map((r): Contribution => ({ kind: 'manual', text: advice.text(r.subject!.image!), impact: advice.impact }));
}

export interface Instruction {
  /** RUN, ADD, COPY, ENV, ARG, CMD, ... ("" when the entry records none, as for an import). */
  kind: string;
  /** The instruction's text without the shell prefix and builder markers. */
  text: string;
  /** Build arguments recorded in front of a RUN ("|2 A=1 B=2 /bin/sh -c ..."). */
  args: string;
}

/**
 * The Dockerfile instruction behind a history entry. The classic builder records
 * "/bin/sh -c #(nop)  ENV A=1" for metadata and "/bin/sh -c cmd" for RUN; BuildKit records
 * "ENV A=1", "RUN /bin/sh -c cmd # buildkit".
 */
export function instruction(createdBy: unknown): Instruction {
  let s = String(createdBy ?? '')
    .trim()
    .replace(/\s*# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(s);
  if (nop) s = s.slice(nop[0].length);
  else if (/^\/bin\/sh -c /.test(s) || /^\|\d+ /.test(s)) s = `RUN ${s}`;
  const m = /^([A-Z]+)\s+([\s\S]*)$/.exec(s);
  if (!m) return { kind: '', text: s, args: '' };
  let text = m[2];
  let args = '';
  if (m[1] === 'RUN') {
    const withArgs = /^\|\d+\s+(.*?)\s*(\/bin\/sh -c [\s\S]*)$/.exec(text);
    if (withArgs) {
      args = withArgs[1];
      text = withArgs[2];
    }
    text = text.replace(/^\/bin\/sh -c /, '');
  }
  return { kind: m[1], text, args };
}

/** Short, single-line form of a history command for evidence. */
export function clip(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
