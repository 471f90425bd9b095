/** A permission mode as people write it: 0o644 -> "0644", 0o4755 -> "04755". */
export function formatMode(mode: number): string {
  return '0' + (mode & 0o7777).toString(8).padStart(3, '0');
}
