#!/usr/bin/env bash
# Builds the portable app image and the .deb of Datagora from jars Maven has copied into WORK:
#   WORK/input    the app's classpath jars (everything but JavaFX)
#   WORK/javafx   the JavaFX platform jars, linked as modules into the app's own runtime
#   WORK/native   the JavaFX native libraries taken out of those jars
# and writes OUT/Datagora (the app image) and OUT/datagora_<version>_amd64.deb.
# Called by installer/pom.xml in the package phase; every input arrives as an environment variable.
set -euo pipefail

: "${WORK:?}" "${OUT:?}" "${VERSION:?}" "${MAIN_JAR:?}" "${MAIN_CLASS:?}" "${JDK_MODULES:?}" "${JAVAFX_MODULES:?}"
: "${ANVIL:?}" "${ICON:?}"

NAME=Datagora
started=$(date +%s%N)

# anvil ships inside the app: npm installs it as a symlink into its package, so copy the real file.
anvil_binary=$(readlink -f "$ANVIL")
if [[ ! -x "$anvil_binary" ]]; then
  echo "anvil not found at $ANVIL: build marketplace-contracts first (it installs anvil from npm)" >&2
  exit 1
fi
mkdir -p "$WORK/input/tools"
cp "$anvil_binary" "$WORK/input/tools/anvil"
chmod 755 "$WORK/input/tools/anvil"
# Its npm package carries no licence file, only the licence field: say what is shipped and under which terms.
anvil_package="$(dirname "$anvil_binary")/../package.json"
field() { sed -n "s/^ *\"$1\": *\"\([^\"]*\)\".*/\1/p" "$anvil_package" | head -n 1; }
cat > "$WORK/input/tools/anvil-NOTICE.txt" <<NOTICE
anvil $(field version), the local Ethereum node of Foundry (https://github.com/foundry-rs/foundry),
from the npm package $(field name). Licence: $(field license).
NOTICE

# The app's own runtime: only the JDK modules it uses, plus JavaFX as named modules. JavaFX's native
# libraries go into the runtime's lib/ (found there by System.loadLibrary) instead of staying inside
# the modules, where JavaFX would copy them out into ~/.openjfx on every machine.
rm -rf "$WORK/runtime"
jlink --module-path "$WORK/javafx" \
  --add-modules "$JDK_MODULES,$JAVAFX_MODULES" \
  --exclude-resources '**.so' \
  --strip-debug --no-header-files --no-man-pages --strip-native-commands \
  --output "$WORK/runtime"
cp "$WORK"/native/*.so "$WORK/runtime/lib/"

# $APPDIR is expanded by the launcher to the directory holding the app's jars (lib/app).
rm -rf "${OUT:?}/$NAME"
mkdir -p "$OUT"
jpackage --type app-image --dest "$OUT" --name "$NAME" --app-version "$VERSION" \
  --vendor "Datagora" --description "A decentralized data marketplace with incentivized labeling" \
  --copyright "Datagora contributors" \
  --runtime-image "$WORK/runtime" --input "$WORK/input" \
  --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
  --icon "$ICON" \
  --java-options '-Ddatagora.anvil=$APPDIR/tools/anvil' \
  --java-options '-Dfile.encoding=UTF-8'
image_done=$(date +%s%N)

# The jars inside are compressed already, so xz's default level 6 buys little (76 MB against 83 MB)
# for three times the CPU of level 1; dpkg-deb reads these two variables (dpkg 1.21.10 and later).
export DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=1
rm -f "$OUT"/datagora_*.deb
jpackage --type deb --dest "$OUT" --name "$NAME" --app-version "$VERSION" \
  --app-image "$OUT/$NAME" \
  --vendor "Datagora" --description "A decentralized data marketplace with incentivized labeling" \
  --copyright "Datagora contributors" \
  --icon "$ICON" \
  --linux-package-name datagora --linux-deb-maintainer "datagora@users.noreply.github.com" \
  --linux-menu-group "Office;Network" --linux-app-category misc --linux-shortcut \
  --linux-package-deps libgtk-3-0
done_at=$(date +%s%N)

echo "jlink + app image: $(( (image_done - started) / 1000000 )) ms, .deb: $(( (done_at - image_done) / 1000000 )) ms"
ls -l "$OUT"/datagora_*.deb
