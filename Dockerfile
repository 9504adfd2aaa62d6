# syntax=docker/dockerfile:1
#
# wsprobe container image: a statically linked Swift runtime on plain Ubuntu 24.04 (noble).
#
#   docker build -t wsprobe:dev .
#   docker run --rm wsprobe:dev check                       # built-in echo target, prints PASS
#   docker run --rm -v "$PWD/reports:/reports" wsprobe:dev run /scenarios/echo-load.yaml --out /reports/echo
#
# Distributed runs (Kubernetes Indexed Job, shard and merge): see docs/distributed.md.

ARG SWIFT_IMAGE=swift:6.3-noble
ARG RUNTIME_IMAGE=ubuntu:noble

# ---------------------------------------------------------------------------------------------------
# Build stage: the official Swift toolchain image plus the headers of the two system libraries
# wsprobe links (OpenSSL for TLS and SHA-1, zlib for permessage-deflate).
# ---------------------------------------------------------------------------------------------------
FROM ${SWIFT_IMAGE} AS build

RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -q \
    && apt-get install -y -q --no-install-recommends libssl-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Resolve dependencies in their own layer so that source edits do not download them again.
# (Package.resolved is optional: the glob copies it only when it exists.)
COPY Package.swift Package.resolve[d] ./
RUN swift package resolve

COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product wsprobe \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/wsprobe" /staging/usr/local/bin/wsprobe \
    && ldd /staging/usr/local/bin/wsprobe

# ---------------------------------------------------------------------------------------------------
# Runtime stage: no toolchain. The Swift standard library and Foundation are linked in statically;
# OpenSSL and zlib stay dynamic, from the distribution (security updates without a rebuild).
# libssl3t64 is noble's name for libssl3 (the 64-bit time_t rename); it is OpenSSL 3.
# ---------------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -q \
    && apt-get install -y -q --no-install-recommends libssl3t64 zlib1g ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*

# A fixed, unprivileged UID/GID (10001): Kubernetes' runAsNonRoot needs a numeric USER, and the
# manifests in deploy/kubernetes use the same numbers for fsGroup so shards can write /reports.
RUN groupadd --system --gid 10001 wsprobe \
    && useradd --system --uid 10001 --gid wsprobe --home-dir /home/wsprobe --create-home \
        --shell /usr/sbin/nologin wsprobe \
    && mkdir -p /reports \
    && chown wsprobe:wsprobe /reports

COPY --from=build /staging/usr/local/bin/wsprobe /usr/local/bin/wsprobe
COPY scenarios /scenarios

USER 10001:10001
WORKDIR /home/wsprobe

# Results go here by default in the examples; mount a volume to keep them.
VOLUME ["/reports"]

ENTRYPOINT ["wsprobe"]
CMD ["--help"]
