#!/bin/sh
# Installs the real BibTeX program used by BibTeXProgramTest (Debian's texlive-binaries gives /usr/bin/bibtex; the
# test brings its own tiny style file, so no TeX Live styles are needed). Idempotent: does nothing when bibtex is
# already installed.
set -eu
if command -v bibtex >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends texlive-binaries
