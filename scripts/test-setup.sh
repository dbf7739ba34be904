#!/usr/bin/env bash
# The end-to-end layer's set-up and gate, for `npm test`:
#   install  as root on Debian, installs the packages that the end-to-end layer needs and lacks;
#            elsewhere it does nothing (the e2e step says what is missing).
#   e2e      runs the end-to-end layer when this machine can; otherwise prints one line saying what
#            it needs and that it was skipped, and fails under CI (CI=true), which must never skip it.
set -euo pipefail

cd "$(dirname "$0")/.."

# Each package, with the program of it that the tests run. docker.io brings dockerd, containerd,
# runc and the CLI; busybox-static is the only program in the test image; the tests drive dockmate
# through tmux; mount provides umount for a daemon's clean-up. The rest are the other ends of some
# tests: a registry on loopback to pull from, docker-compose, sshd and openssl for ssh:// and TLS
# engines, and podman for its Docker-compatible API.
requirements=(
	docker.io:dockerd docker.io:containerd docker.io:runc docker.io:docker
	busybox-static:busybox tmux:tmux mount:umount tar:tar
	docker-registry:docker-registry docker-compose:docker-compose
	openssh-server:sshd openssl:openssl podman:podman
)

# The packages whose program is not installed, once each, on one line.
missing_packages() {
	local requirement package program missing=()
	for requirement in "${requirements[@]}"; do
		package=${requirement%%:*}
		program=${requirement#*:}
		if ! PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" command -v "$program" >/dev/null 2>&1 &&
			[[ " ${missing[*]} " != *" $package "* ]]; then
			missing+=("$package")
		fi
	done
	echo "${missing[*]}"
}

install() {
	local missing
	missing=$(missing_packages)
	if [[ -z $missing || $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
		return 0
	fi

	echo "Installing what the end-to-end tests need: $missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# Keep apt from starting a system dockerd: the tests start their own and must never see another.
	local added_policy=
	if [[ ! -e /usr/sbin/policy-rc.d ]]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		added_policy=yes
	fi
	local attempt status=1
	for attempt in 1 2 3; do
		# shellcheck disable=SC2086 # one package per word
		if apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
			status=0
			break
		fi
		[[ $attempt -lt 3 ]] && sleep 5
	done
	if [[ -n $added_policy ]]; then
		rm -f /usr/sbin/policy-rc.d
	fi
	if [[ $status -ne 0 ]]; then
		echo "apt-get could not install $missing" >&2
	fi
	return "$status"
}

e2e() {
	local missing needs=()
	missing=$(missing_packages)
	if [[ $(id -u) -ne 0 && -z ${DOCKMATE_TEST_DOCKER_HOST:-} ]]; then
		needs+=('root (it starts its own dockerd; or set DOCKMATE_TEST_DOCKER_HOST to a disposable engine)')
	fi
	if [[ -n $missing ]]; then
		needs+=("the Debian packages $missing (npm test installs them when run as root on Debian)")
	fi
	if [[ ${#needs[@]} -eq 0 ]]; then
		exec npm run test:e2e
	fi

	local line="End-to-end tests SKIPPED: they need ${needs[0]}"
	[[ ${#needs[@]} -gt 1 ]] && line+=" and ${needs[1]}"
	echo "$line." >&2
	# CI must run every layer: a skip there is a failure.
	if [[ -n ${CI:-} && ${CI:-} != false ]]; then
		return 1
	fi
}

case ${1:-} in
	install) install ;;
	e2e) e2e ;;
	*)
		echo "usage: $0 install|e2e" >&2
		exit 2
		;;
esac
