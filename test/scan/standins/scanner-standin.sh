#!/bin/sh
# A stand-in for trivy and grype (linked under either name): it records how it was called and
# prints a report from fixture templates, so tests can prove what `audit --scan` runs and reads.
#   STANDIN_RECORDS   directory: per call, <pid>.argv (arguments, each ended by NUL),
#                     <pid>.env (DOCKER_HOST) and <pid>.times (start and end, nanoseconds)
#   STANDIN_FIXTURES  directory of report templates: <image name with [^A-Za-z0-9] as _>.json,
#                     else default.json; @REF@, @IMAGE_ID@ and @NOW@ (UTC) are filled in
#   STANDIN_INSPECT   1: take @IMAGE_ID@ from `docker image inspect` (through DOCKER_HOST)
#   STANDIN_SLEEP     seconds to take; STANDIN_FAIL: an image whose name contains it fails
start=$(date +%s%N)
for a in "$@"; do ref=$a; done
ref=${ref#docker:}
rec="$STANDIN_RECORDS/$$"
# Times are recorded however the call ends (an exit 1 from a failed inspect included).
trap 'printf "%s\n" "$start $(date +%s%N)" > "$rec.times"' EXIT
for a in "$@"; do printf '%s\0' "$a"; done > "$rec.argv"
printf '%s' "${DOCKER_HOST-}" > "$rec.env"
sleep "${STANDIN_SLEEP:-0}"
if [ -n "${STANDIN_FAIL-}" ]; then
  case $ref in
    *"$STANDIN_FAIL"*)
      printf '2026-12-05T19:00:00.000Z\tINFO\tVulnerability scanning is enabled\n' >&2
      printf '2026-12-05T19:00:01.000Z\tFATAL\tFatal error\timage scan error: unable to inspect the image (%s): No such image\n' "$ref" >&2
      exit 1
      ;;
  esac
fi
key=$(printf '%s' "$ref" | tr -c 'A-Za-z0-9' '_')
fixture="$STANDIN_FIXTURES/$key.json"
[ -f "$fixture" ] || fixture="$STANDIN_FIXTURES/default.json"
id=''
if [ "${STANDIN_INSPECT-}" = 1 ]; then id=$(docker image inspect --format '{{.Id}}' "$ref") || exit 1; fi
# Escaped for a JSON string, then for the sed replacement.
esc=$(printf '%s' "$ref" | sed -e 's/[\\"]/\\&/g' -e 's/[|&\\]/\\&/g')
sed -e "s|@REF@|$esc|g" -e "s|@IMAGE_ID@|$id|g" -e "s|@NOW@|$(date -u +%Y-%m-%dT%H:%M:%SZ)|g" "$fixture"
