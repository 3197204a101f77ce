#!/usr/bin/env bash
# Packs the project as npm would publish it, installs the tarball globally into
# a temporary prefix, and asks it a question from an unrelated directory.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

manifest_before=$(cat package.json)
tarball=$(npm pack --silent --pack-destination "$work" | tail -1)
echo "packed $tarball ($(du -k "$work/$tarball" | cut -f1) KB)"
# prepack takes `prepare` out of the packed package.json (scripts/pack-manifest.js) and postpack puts it back.
if [ "$(cat package.json)" != "$manifest_before" ]; then echo "npm pack left package.json changed"; exit 1; fi
if tar -xzOf "$work/$tarball" package/package.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.exit("prepare" in (JSON.parse(s).scripts??{})?0:1))'; then
  echo "the packed package.json still has a prepare script (a tarball needs no build at install)"; exit 1
fi

# Only what the package needs: built code, the catalogue, the schemas, the man page, README, LICENSE.
unexpected=$(tar -tzf "$work/$tarball" | grep -vE '^package/(package\.json|README\.md|LICENSE|catalog\.yaml|bin/ramq-access|schema/[a-z.-]+\.json|man/ramq-access\.1|dist/.+)$' || true)
if [ -n "$unexpected" ]; then echo "unexpected files in the package:"; echo "$unexpected"; exit 1; fi
if tar -tzf "$work/$tarball" | grep -E '^package/(src|__tests__|scripts)/' > /dev/null; then echo "sources or tests in the package"; exit 1; fi

# The man page package.json's "man" names, as the build wrote it.
if ! tar -tzf "$work/$tarball" | grep -x 'package/man/ramq-access.1' > /dev/null; then echo "man/ramq-access.1 (the man page) is not in the package"; exit 1; fi
if ! tar -xzOf "$work/$tarball" package/man/ramq-access.1 | cmp -s - man/ramq-access.1; then echo "the packed man page differs from man/ramq-access.1"; exit 1; fi

# Installed as a user installs it, at npm's usual log level: nothing to allow, nothing to warn about.
npm install --global --prefix "$work/prefix" "$work/$tarball" --no-audit --no-fund > "$work/install.out" 2>&1
if grep -qiE 'allow-?scripts|install-scripts' "$work/install.out"; then
  echo "installing the tarball warns about install scripts:"; cat "$work/install.out"; exit 1
fi
echo "installed the tarball: $(grep -v '^$' "$work/install.out" | tr '\n' ' ')"
# npm links the man page into the prefix, where man finds it by name.
if [ ! -e "$work/prefix/share/man/man1/ramq-access.1" ]; then echo "the global install did not install the man page (share/man/man1/ramq-access.1)"; exit 1; fi
if command -v man > /dev/null; then
  MANPATH="$work/prefix/share/man" MANWIDTH=80 man ramq-access 2> "$work/man.err" | grep -q '^EXIT STATUS' || { echo "man ramq-access did not render the installed page"; cat "$work/man.err"; exit 1; }
  echo "installed man page: man ramq-access renders it"
fi
mkdir -p "$work/elsewhere" && cd "$work/elsewhere"
out=$("$work/prefix/bin/ramq-access" services podiatrist --json)
echo "$out" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const ids=JSON.parse(s).services.map(x=>x.id);if(ids.length!==4)throw new Error("unexpected answer "+ids);console.log("installed package answers: "+ids.join(", "))})'
"$work/prefix/bin/ramq-access" validate
# check-source URL from the installed package: a local server (127.0.0.1, a free port) serves the shipped copy of the page.
repo=$OLDPWD
node -e 'const fs=require("fs"),page=fs.readFileSync(process.argv[1]);const s=require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"text/plain; charset=utf-8"});r.end(page)}).listen(0,"127.0.0.1",()=>fs.writeFileSync(process.argv[2],String(s.address().port)))' \
  "$repo/__tests__/fixtures/source/liste-des-services-en-ligne.txt" "$work/port" &
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
status=0
"$work/prefix/bin/ramq-access" check-source "http://127.0.0.1:$(cat "$work/port")/liste" --lang en > "$work/fetched.txt" || status=$?
kill "$server"
if [ "$status" -ne 0 ]; then echo "the installed package's check-source URL exited $status"; cat "$work/fetched.txt"; exit 1; fi
echo "installed package check-source URL: $(grep -c 'agrees with the page' "$work/fetched.txt") agreeing report"
# --version: the program's name and version, then the embedded catalogue's source line (read from the installed package).
version_out=$("$work/prefix/bin/ramq-access" --version)
test "$(echo "$version_out" | head -1)" = "ramq-access $(node -p "require('$OLDPWD/package.json').version")"
# French puts a no-break space (U+00A0) before the colon, English none.
nbsp=$(printf '\302\240')
if ! echo "$version_out" | sed -n 2p | grep -qE "^Source( |$nbsp)?: .*(vérifiée le|checked) [0-9]{4}-[0-9]{2}-[0-9]{2}\$"; then
  echo "the installed package's --version has no source line: $version_out"
  exit 1
fi
echo "installed package --version: $(echo "$version_out" | tr '\n' ' ')"
echo "package check passed"
