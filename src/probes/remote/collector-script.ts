// The collector: a POSIX sh script (dash, busybox ash, bash) that answers a list of reads on the
// target in one session. Forks are few (shell tests and `read` do most of the work), so a loaded
// host answers quickly. Ops, one a line in a here-document:
//   T path  text of a regular file (refuses FIFOs and devices, at most 4 MiB + 1 byte)
//   P path  a kernel file (/proc), read plainly      Y path  lstat type only: "l" (symlink) or "-"
//   L/S path  lstat / stat (batched into one `stat` run): "modehex uid gid dev ino name" lines
//   K path  readlink                                  D path  entries: "d" or "f", the name, NUL
//   W path  walk: Y (and K) for every component as resolveHostPath does, then L of what it names;
//           WT / WD then read / list it as well
//   A prog  `prog -l` (auditctl), stdout and stderr    X -  processes: `ls -l` of every exe link and
//           each stat line; for dockerd and containerd, what identifies them      I -  uid, PATH
// Each record is "\n<mark> OP STATUS PATH\n" then its data; STATUS is "ok", an errno name or an
// exit code. The target keeps nothing: the script writes no file.

export const TEXT_LIMIT = 4 * 1024 * 1024;
const END = '__DOCKER_HARDEN_OPS_END__';

// Shell's own "${" is written "%{" here, so that it is not read as a template placeholder.
const SCRIPT = String.raw`LC_ALL=C; export LC_ALL
for c in stat readlink cat head ls; do
  command -v "$c" >/dev/null 2>&1 || { printf '\n%s MISSING %s -\n' "$B" "$c"; exit 96; }
done
hd() { printf '\n%s %s %s %s\n' "$B" "$1" "$2" "$3"; }
why() {
  if [ -e "$1" ] || { [ "$2" = nofollow ] && [ -L "$1" ]; }; then E=EACCES; return; fi
  wp=%{1%/*}; [ -n "$wp" ] || wp=/
  if [ -L "$1" ]; then E=ENOENT
  elif [ -e "$wp" ] && [ ! -d "$wp" ]; then E=ENOTDIR
  elif [ -d "$wp" ] && [ ! -x "$wp" ]; then E=EACCES
  else E=ENOENT; fi
}
typ() { if [ -L "$1" ]; then hd Y ok "$1"; printf l; elif [ -e "$1" ]; then hd Y ok "$1"; printf -- -; else why "$1" nofollow; hd Y "$E" "$1"; fi; }
lnk() {
  if o=$(readlink -- "$1" 2>&1); then hd K ok "$1"; printf '%s' "$o"; return 0; fi
  case $o in *ermission*) E=EACCES;; *) if [ -L "$1" ]; then E=ENOENT; else why "$1" nofollow; [ "$E" = EACCES ] && E=EINVAL; fi;; esac
  hd K "$E" "$1"; return 1
}
txt() {
  if [ ! -e "$1" ]; then why "$1" follow; hd T "$E" "$1"; return; fi
  if [ -d "$1" ]; then hd T EISDIR "$1"; return; fi
  if [ ! -f "$1" ]; then
    k=other; [ -p "$1" ] && k=fifo; [ -S "$1" ] && k=socket; [ -c "$1" ] && k=chardev; [ -b "$1" ] && k=blockdev
    hd T ENOTREG "$1"; printf %s "$k"; return
  fi
  if [ -r "$1" ]; then hd T ok "$1"; head -c ${TEXT_LIMIT + 1} -- "$1" 2>/dev/null; else hd T EACCES "$1"; fi
}
prc() { if [ -r "$1" ] && [ ! -d "$1" ]; then hd P ok "$1"; cat -- "$1" 2>/dev/null; else why "$1" follow; hd P "$E" "$1"; fi; }
dir() {
  if [ -d "$1" ] && [ -r "$1" ] && [ -x "$1" ]; then
    hd D ok "$1"
    for e in "$1"/* "$1"/.[!.]* "$1"/..?*; do
      [ -e "$e" ] || [ -L "$e" ] || continue
      if [ -d "$e" ] && [ ! -L "$e" ]; then printf 'd%s\000' "%{e##*/}"; else printf 'f%s\000' "%{e##*/}"; fi
    done
  elif [ -d "$1" ]; then hd D EACCES "$1"
  elif [ -e "$1" ]; then hd D ENOTDIR "$1"
  else why "$1" follow; hd D "$E" "$1"; fi
}
seen='
'
walk() {
  todo=$1; dn=; hops=0
  while :; do
    while :; do case $todo in /*) todo=%{todo#/};; *) break;; esac; done
    [ -n "$todo" ] || break
    case $todo in */*) part=%{todo%%/*}; todo=%{todo#*/};; *) part=$todo; todo=;; esac
    case $part in .) continue;; ..) dn=%{dn%/*}; continue;; esac
    nx="$dn/$part"
    case $seen in *"
$nx
"*) ;; *) seen="$seen$nx
"; typ "$nx"; if [ -e "$nx" ] && [ ! -L "$nx" ]; then LS="$LS$nx
"; fi;; esac
    if [ -L "$nx" ]; then
      hops=$((hops + 1)); [ "$hops" -le 40 ] || return 1
      tg=$(readlink -- "$nx" 2>/dev/null) || return 1
      case $seen in *"
K$nx
"*) ;; *) seen="$seen""K$nx
"; hd K ok "$nx"; printf '%s' "$tg";; esac
      case $tg in /*) dn=;; esac
      todo="$tg/$todo"
    elif [ -e "$nx" ]; then dn=$nx
    else return 1; fi
  done
  W=%{dn:-/}
  LS="$LS$W
"
}
rseen='
'
realp() {
  case $rseen in *"
$1
"*) return;; esac
  rseen="$rseen$1
"
  if walk "$1"; then hd R ok "$1"; printf '%s' "$W"; else hd R ENOENT "$1"; fi; }
# The sockets a containerd config names (address = "..."), which the file probe looks at.
toml() {
  while IFS= read -r l; do
    case $l in *address*=*'"/'*) l=%{l#*\"}; walk "%{l%\"*}";; esac
  done 2>/dev/null < "$1"
}
# Paths a daemon's own flags name (config file, data root, sockets): read now, not in a later trip.
args() {
  argl=$(tr '\000' '\n' 2>/dev/null < "$1")
  prev=
  while IFS= read -r a; do
    v=; case $prev in --config-file|--data-root|--exec-root|--pidfile|-H|--host|--config|-c|--address|-a|--containerd) v=$a;; esac
    case $a in --*=*) v=%{a#*=};; esac
    v=%{v#unix://}
    case $v in /*) if walk "$v"; then [ -f "$W" ] && { txt "$W"; prc "$W"; toml "$W"; }; realp "%{v%/*}"; fi;; esac
    prev=$a
  done <<EOF_ARGS
$argl
EOF_ARGS
}
procs() {
  # The exe links first: the listing after them then holds no process they missed but this shell's own.
  # shellcheck disable=SC2012
  exes=$(ls -l /proc/[0-9]*/exe 2>&1)
  hd XL ok /proc; printf '%s\n' "$exes"
  dir /proc
  for pd in /proc/[0-9]*; do
    if read -r ln 2>/dev/null < "$pd/stat"; then hd P ok "$pd/stat"; printf '%s\n' "$ln"; fi
  done
  while IFS= read -r ln; do
    case $ln in *' -> '*/dockerd|*' -> '*/containerd|*' -> '*'/dockerd (deleted)'|*' -> '*'/containerd (deleted)') ;; *) continue;; esac
    pd=%{ln#* /proc/}; pd=/proc/%{pd%%/*}
    for f in cmdline status limits environ cgroup net/unix net/tcp net/tcp6; do prc "$pd/$f"; done
    args "$pd/cmdline"
    while IFS= read -r u; do case $u in *' /'*) s=/%{u#* /}; s=%{s%/*}; realp "%{s:-/}";; esac; done 2>/dev/null < "$pd/net/unix"
    dir "$pd/fd"; hd XF ok "$pd/fd"; ls -l "$pd/fd/" 2>/dev/null
    hd S ok "$pd/exe"; stat -L -c '%f %u %g %d %i' -- "$pd/exe" 2>/dev/null
  done <<EOF_EXES
$exes
EOF_EXES
}
LS=; SS=
while IFS= read -r line; do
  o=%{line%% *}; p=%{line#* }
  case $o in
    T) txt "$p";; P) prc "$p";; Y) typ "$p";; K) lnk "$p";; D) dir "$p";;
    L) LS="$LS$p
";;
    S) SS="$SS$p
";;
    W) walk "$p";; WT) walk "$p" && txt "$W";; WD) walk "$p" && dir "$W";; R) realp "$p";;
    WDT) if walk "$p"; then dir "$W"; q=$W; for e in "$q"/*; do [ -f "$e" ] && walk "$p/%{e##*/}" && txt "$W"; done; fi;;
    A) if command -v "$p" >/dev/null 2>&1; then o=$("$p" -l 2>&1 </dev/null); rc=$?; hd A "$rc" "$p"; printf '%s' "$o"; else hd A ENOENT "$p"; fi;;
    X) procs;;
    I) hd I ok uid; id -u; hd I ok PATH; printf '%s' "$PATH"
       # shellcheck disable=SC2086
       for q in $(IFS=:; printf '%s ' $PATH) /usr/bin /usr/sbin /usr/local/bin /usr/local/sbin /bin /sbin; do
         case $q in /*) if [ -e "$q/dockerd" ]; then SS="$SS$q/dockerd
"; realp "$q/dockerd"; else hd S ENOENT "$q/dockerd"; fi;; esac
       done
       if [ -n "%{DOCKER_CONTENT_TRUST+x}" ]; then hd I ok DOCKER_CONTENT_TRUST; printf '%s' "$DOCKER_CONTENT_TRUST"; fi;;
  esac
done <<'${END}'
@OPS@
${END}
# One stat run for all L (or S) paths; paths that are not there get their errno record first.
batch() {
  op=$1; list=$2; set --
  while IFS= read -r q; do
    [ -n "$q" ] || continue
    if [ -e "$q" ] || { [ "$op" = L ] && [ -L "$q" ]; }; then set -- "$@" "$q"
    elif [ "$op" = L ]; then why "$q" nofollow; hd L "$E" "$q"
    else why "$q" follow; hd S "$E" "$q"; fi
  done <<EOF_LIST
$list
EOF_LIST
  hd "$op"B ok -
  if [ "$op" = L ]; then [ "$#" -eq 0 ] || stat -c '%f %u %g %d %i %n' -- "$@" 2>/dev/null
  else [ "$#" -eq 0 ] || stat -L -c '%f %u %g %d %i %n' -- "$@" 2>/dev/null; fi
}
batch L "$LS"
batch S "$SS"
hd END ok -
`.replaceAll('%{', '${');

export type CollectorOp = 'T' | 'P' | 'Y' | 'L' | 'S' | 'K' | 'D' | 'R' | 'W' | 'WT' | 'WD' | 'WDT' | 'A' | 'X' | 'I';

/** The script with its ops and record mark, to run with `sh -s` (it arrives on stdin: nothing to quote). */
export function collectorScript(mark: string, ops: readonly (readonly [CollectorOp, string])[]): string {
  const lines = ops.filter(([, p]) => !p.includes('\n') && p !== END).map(([op, p]) => `${op} ${p}`);
  return `B=${mark}\n${SCRIPT.replace('@OPS@', lines.join('\n'))}`;
}
