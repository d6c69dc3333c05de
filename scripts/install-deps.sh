#!/usr/bin/env bash
# Installs what Casebridge needs to build, run and test on Debian 12 (bookworm). Idempotent: installs only what
# is missing, and runs apt-get update only when something is. Run as root (or with sudo).
set -euo pipefail

PACKAGES=(
    # toolchain
    g++ cmake ninja-build ccache pkg-config git
    # Qt 6.4 and friends (qt6-l10n-tools: lupdate/lrelease; the HTTP host is the project's own, no QHttpServer)
    qt6-base-dev qcoro-qt6-dev qtkeychain-qt6-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins
    libssl-dev openssl curl fonts-dejavu-core
    # Qt's own strings in German (qtbase_de.qm: wizard and dialog buttons, Yes/No), loaded by the console
    qt6-translations-l10n
    # secrets: libsecret is dlopen'ed by QtKeychain; gnome-keyring + dbus give tests a real Secret Service
    libsecret-1-0 gnome-keyring dbus libsecret-tools
    # GUI tests and screenshots, team-mode tests
    xvfb xauth postgresql
    # the Debian package and its checks: dependency generation, stripping (binutils), man pages from --help,
    # lintian, desktop and AppStream validation
    dpkg-dev binutils help2man lintian appstream desktop-file-utils
    # fuzzing the webhook payload parser
    clang
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: everything is installed."
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run this script as root (sudo $0)." >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
