#!/usr/bin/env bash
# `make dist`: the wheel and the sdist (dist/), then the PyInstaller one-folder bundle built from
# that wheel, packed as dist/bayready-VERSION-linux-x86_64.tar.gz and smoke-tested on a clean data
# dir: the window (offscreen), every shipped test listed, `bank list`. Prints sizes and times.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
VERSION=$($PY -c "import app; print(app.__version__)")
ARCH=$(uname -m)
t0=$(date +%s)
rm -rf dist build/bundle-site build/pyinstaller
mkdir -p dist build

echo "== sdist and wheel (the wheel is built from the sdist, offline)"
$PY -m build --no-isolation --outdir dist . >build/build.log 2>&1 || { tail -40 build/build.log; exit 1; }
WHEEL=$(ls dist/bayready-"$VERSION"-*.whl)
SDIST=dist/bayready-"$VERSION".tar.gz
ls -l "$WHEEL" "$SDIST"
t1=$(date +%s)

echo "== PyInstaller one-folder bundle"
$PY -m pip install -q --no-deps --no-index --target build/bundle-site "$WHEEL"
BAYREADY_BUNDLE_SITE="$PWD/build/bundle-site" $PY -m PyInstaller --noconfirm --clean \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
  tools/pyinstaller/bayready.spec >build/pyinstaller.log 2>&1 || { tail -60 build/pyinstaller.log; exit 1; }
BUNDLE=build/pyinstaller/dist/bayready
TARBALL=dist/bayready-"$VERSION"-linux-"$ARCH".tar.gz
tar -C build/pyinstaller/dist -czf "$TARBALL" bayready
t2=$(date +%s)

echo "== smoke test of the bundle, unpacked fresh, on a clean data dir"
SMOKE=$(mktemp -d)
trap 'rm -rf "$SMOKE"' EXIT
tar -C "$SMOKE" -xzf "$TARBALL"
EXE="$SMOKE/bayready/bayready"
DATA="$SMOKE/data"
clean_env=(env -u BAYREADY_DB -u BAYREADY_SHIPPED_BANKS -u PYTHONPATH -u VIRTUAL_ENV
           HOME="$SMOKE/home" QT_QPA_PLATFORM=offscreen)
# banks only: not L1's booklet, the translation sidecars (*.es.yaml) nor the glossary
shipped=$(grep -L -E '^format: bayready-(reference|translation|glossary)' question_banks/*.yaml | wc -l)
out=$("${clean_env[@]}" "$EXE" --version)
[ "$out" = "bayready $VERSION" ] || { echo "FAIL: --version said '$out'"; exit 1; }
out=$("${clean_env[@]}" "$EXE" --data-dir "$DATA" --smoke-test)
echo "$out"
echo "$out" | grep -q "tests=$shipped\b" || { echo "FAIL: expected tests=$shipped"; exit 1; }
listed=$("${clean_env[@]}" "$EXE" --data-dir "$DATA" bank list | tee /dev/stderr | wc -l)
[ "$listed" -eq "$shipped" ] || { echo "FAIL: bank list shows $listed banks, not $shipped"; exit 1; }
"${clean_env[@]}" "$EXE" --data-dir "$SMOKE/data2" bank validate \
  "$SMOKE/bayready/_internal/app/_data/question_banks/a5-brakes.yaml"
[ -s "$DATA/logs/bayready.log" ] || { echo "FAIL: no log file"; exit 1; }
t3=$(date +%s)

echo "== done"
du -sh "$BUNDLE" | sed 's/^/bundle folder: /'
ls -l "$TARBALL" | awk '{printf "bundle tarball: %.1f MB %s\n", $5/1048576, $9}'
echo "times: wheel+sdist $((t1-t0)) s, bundle $((t2-t1)) s, smoke test $((t3-t2)) s, total $((t3-t0)) s"
