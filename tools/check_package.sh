#!/usr/bin/env bash
# Builds the Debian package (cpack) from build/ and runs what it installs from a scratch
# root, with the build tree moved away so nothing can come from it: --version, info on the
# bundled model, encode, project and a window screenshot of the installed binary; the man
# page must name every subcommand, the completion must load, and the desktop entry and the
# AppStream metainfo must validate. Needs a built build/.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd build && rm -f latent-explorer_*.deb && cpack -G DEB >/dev/null)
deb=$(ls build/latent-explorer_*.deb)
size=$(du -h "$deb" | cut -f1)
root=$(mktemp -d)
restore() { [[ -d build.away ]] && mv build.away build; rm -rf "$root"; }
trap restore EXIT
dpkg -x "$deb" "$root/install"
exe=$root/install/usr/bin/latent-explorer
if grep -q "$PWD" "$exe" "$root/install/usr/lib/latent-explorer/liblatent_torch.so"; then
  echo "package: the installed binaries name the source tree $PWD" >&2
  exit 1
fi
mv build build.away
export HOME=$root/home XDG_CONFIG_HOME=$root/home/config XDG_DATA_HOME=$root/home/data
"$exe" --version
"$exe" info >"$root/info.txt"
head -3 "$root/info.txt"
"$exe" encode --data /usr/share/datasets/fashion-mnist --limit 2000 --out "$root/latents.npy"
"$exe" project --in "$root/latents.npy" --method umap --out "$root/map.csv"
xvfb-run -a -s "-screen 0 1600x1000x24" "$exe" --limit 2000 --projection pca --screenshot "$root/window.png"
[[ -s $root/window.png ]]
man=$(zcat "$root/install/usr/share/man/man1/latent-explorer.1.gz")
for sub in $("$exe" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
  grep -q "^\.SS $sub\$" <<<"$man" || { echo "package: the man page lacks $sub" >&2; exit 1; }
done
desktop-file-validate "$root"/install/usr/share/applications/*.desktop
appstreamcli validate --no-net --pedantic "$root"/install/usr/share/metainfo/*.metainfo.xml >/dev/null
bash -c "source '$root/install/usr/share/bash-completion/completions/latent-explorer' && complete -p latent-explorer" >/dev/null
echo "package: $(basename "$deb") ($size) runs from a scratch root"
