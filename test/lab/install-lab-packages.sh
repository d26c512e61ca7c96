#!/usr/bin/env bash
# Installs the Debian packages the end-to-end lab needs, only those missing: Kamailio (the PBX, with
# WebSocket, TLS and presence for busy lamps), openssl ffmpeg (the lab CA),
# Chromium (real WebRTC peers), sox (tones), SIPp (plain-SIP callers), rtpengine (RTP <-> WebRTC),
# iproute2 (the private network namespace).
set -euo pipefail
packages=(kamailio kamailio-websocket-modules kamailio-tls-modules kamailio-presence-modules openssl ffmpeg chromium sox sip-tester rtpengine-daemon iproute2 util-linux)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "lab packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "lab packages missing: ${missing[*]} — run this script as root" >&2
  exit 1
fi
echo "lab packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian packages start system services we do not want: the lab starts its own, on its own ports.
for service in kamailio rtpengine-daemon ngcp-rtpengine-daemon; do
  systemctl disable --now "$service" >/dev/null 2>&1 || true
done
echo "lab packages: installed"
