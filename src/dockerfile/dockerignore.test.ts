import { describe, expect, it } from 'vitest';
import { isExcluded, parseDockerignore } from './dockerignore.js';

const excluded = (ignore: string, p: string) => isExcluded(parseDockerignore(ignore), p);

describe('dockerignore matching', () => {
  it('anchors patterns at the context root; ** spans directories', () => {
    expect(excluded('.env', '.env')).toBe(true);
    expect(excluded('.env', 'config/.env')).toBe(false);
    expect(excluded('**/.env', '.env')).toBe(true);
    expect(excluded('**/.env', 'a/b/.env')).toBe(true);
    expect(excluded('*.pem', 'sub/x.pem')).toBe(false);
    expect(excluded('**/*.pem', 'sub/x.pem')).toBe(true);
  });

  it('excludes everything under an excluded directory, with or without slashes', () => {
    expect(excluded('/.git/', '.git/HEAD')).toBe(true);
    expect(excluded('./secrets', 'secrets/id_rsa')).toBe(true);
  });

  it('lets the last matching line win, so ! re-includes', () => {
    expect(excluded('*\n!app', 'app')).toBe(false);
    expect(excluded('*\n!app', '.env')).toBe(true);
    expect(excluded('**/*.key\n!public.key', 'public.key')).toBe(false);
    expect(excluded('!public.key\n**/*.key', 'public.key')).toBe(true);
  });

  it('ignores comments and blank lines, and handles ? and classes', () => {
    expect(excluded('# .env\n\n', '.env')).toBe(false);
    expect(excluded('id_?sa', 'id_rsa')).toBe(true);
    expect(excluded('id_[rd]sa', 'id_dsa')).toBe(true);
    expect(excluded('id_[^r]sa', 'id_rsa')).toBe(false);
    // Docker's classes follow Go's filepath.Match: "^" negates, "!" is a plain member.
    expect(excluded('id_[!r]sa', 'id_rsa')).toBe(true);
  });

  it('matches case-sensitively, as Docker on Linux does', () => {
    expect(excluded('.ENV', '.env')).toBe(false);
    expect(excluded('**/*.PEM', 'x.pem')).toBe(false);
  });
});
