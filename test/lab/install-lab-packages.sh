#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing: Kamailio (the PBX, with
# WebSocket, TLS and presence for busy lamps), openssl ffmpeg (the lab CA), Chromium (real WebRTC
# peers), sox (tones), SIPp (plain-SIP callers), rtpengine (RTP <-> WebRTC), iproute2 and
# util-linux (the private network namespace). `npm test` runs it first: on Debian as root it
# installs what is missing; elsewhere it stops at once and names the one command to run.
set -euo pipefail
packages=(kamailio kamailio-websocket-modules kamailio-tls-modules kamailio-presence-modules openssl ffmpeg chromium sox sip-tester rtpengine-daemon iproute2 util-linux)
command_to_run="sudo bash test/lab/install-lab-packages.sh"

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need Debian's packages (${packages[*]}), and this machine has no dpkg/apt-get." >&2
  echo "Run the tests on Debian (or Ubuntu), where 'npm test' as root installs them, or run: $command_to_run" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "lab packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian packages that are not installed: ${missing[*]}." >&2
  echo "Install them once with: $command_to_run" >&2
  exit 1
fi
echo "lab packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq || ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "Installing ${missing[*]} failed (see apt-get's words above): check the package sources, then run: $command_to_run" >&2
  exit 1
fi
# The Debian packages start system services we do not want: the lab starts its own, on its own ports.
for service in kamailio rtpengine-daemon ngcp-rtpengine-daemon; do
  systemctl disable --now "$service" >/dev/null 2>&1 || true
done
echo "lab packages: installed"
