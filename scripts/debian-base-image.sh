#!/usr/bin/env bash
# A base image for the container (README, "Running at scale") made from Debian's packages alone, for a machine that
# reaches a Debian mirror but no container registry: Debian 12 (minbase) with OpenJDK 17's runtime, written as a
# `docker save` archive that Jib takes as `-Djib.from.image=tar://...`. Needs root and debootstrap.
set -euo pipefail
out="$(realpath -m "${1:-target/debian-base-image.tar}")"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$work/root" "$mirror"
rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"*

mkdir "$work/image"
tar -C "$work/root" --numeric-owner -cf "$work/image/layer.tar" .
layer="sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
cat > "$work/image/config.json" <<JSON
{"architecture": "amd64", "os": "linux",
 "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"]},
 "rootfs": {"type": "layers", "diff_ids": ["$layer"]}}
JSON
echo '[{"Config": "config.json", "RepoTags": ["debian-openjdk-17:bookworm"], "Layers": ["layer.tar"]}]' > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "$out"
