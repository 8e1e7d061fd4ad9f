#!/usr/bin/env bash
# Installs what Kinerja needs beyond the Swift toolchain, only when missing. Debian packages and PyPI only.
# Usage: scripts/install-deps.sh [run|test]
set -euo pipefail
mode="${1:-test}"
need_apt=()
# C libraries behind KinerjaDocuments (PDF, QR code, XLSX); `swift build` needs their headers, so both modes install them.
[ -f /usr/include/hpdf.h ] || need_apt+=(libhpdf-dev)
[ -f /usr/include/qrencode.h ] || need_apt+=(libqrencode-dev)
[ -f /usr/include/png.h ] || need_apt+=(libpng-dev)
[ -f /usr/include/xlsxwriter.h ] || need_apt+=(libxlsxwriter-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ "$mode" = test ]; then
  # The document tests read PDFs back (pdftotext, pdftoppm) and scan the QR code (zbarimg).
  { [ -x /usr/bin/pdftotext ] && [ -x /usr/bin/pdftoppm ]; } || need_apt+=(poppler-utils)
  [ -x /usr/bin/zbarimg ] || need_apt+=(zbar-tools)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_apt+=(postgresql)
  command -v curl >/dev/null 2>&1 || need_apt+=(curl)
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  [ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Memasang paket Debian: ${need_apt[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ "$mode" = test ]; then
  python3 -c "import requests, jsonschema, openapi_spec_validator, selenium, pytest" 2>/dev/null \
    || python3 -m pip install -q requests jsonschema openapi-spec-validator selenium pytest
fi
