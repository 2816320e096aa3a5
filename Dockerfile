# NewsLens container image: build the release binary with the Swift standard library linked statically,
# then run it on a slim Debian with only the shared libraries it needs.
#   docker build -t newslens .
#   docker run --rm -p 8080:8080 newslens
# scripts/container-check.sh proves both stages without a Docker engine (it reads the lines marked
# "container-check:" below, so keep them in this form).

ARG SWIFT_IMAGE=swift:6.3-bookworm

# ---- build stage ----
FROM ${SWIFT_IMAGE} AS build
# Headers of the system libraries the package links (Sources/COpenSSL, Sources/CZlib).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies in their own layer so source edits do not fetch them again.
COPY Package.swift ./
RUN swift package resolve
# Everything else the manifest names (sources, test folders, resources); .dockerignore keeps .build and .git out.
COPY . .
# container-check: swift build -c release --static-swift-stdlib --product newslens
RUN swift build -c release --static-swift-stdlib --product newslens \
 && bin="$(swift build -c release --static-swift-stdlib --show-bin-path)" \
 && mkdir -p /staging \
 && cp "$bin/newslens" /staging/ \
 && cp -R "$bin"/*.resources /staging/ \
 && strip /staging/newslens

# ---- run stage ----
FROM debian:bookworm-slim
# Only what the binary loads: libssl/libcrypto (TLS, SHA-256), zlib (gzip) and CA certificates. No tzdata:
# nothing in NewsLens reads time zones (dates keep the offset they were given; logs are UTC).
# container-check: packages libssl3 zlib1g ca-certificates
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl3 zlib1g ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# container-check: user newslens 10001
RUN groupadd --gid 10001 newslens \
 && useradd --uid 10001 --gid newslens --home-dir /app --no-create-home --shell /usr/sbin/nologin newslens \
 && mkdir -p /data \
 && chown newslens:newslens /data
WORKDIR /app
# The binary with its SwiftPM resource bundle(s) beside it (Bundle.module looks next to the executable).
COPY --from=build /staging/ /app/
COPY Public /app/Public
ENV NEWSLENS_HOST=0.0.0.0
ENV NEWSLENS_PORT=8080
ENV NEWSLENS_PUBLIC=/app/Public
USER newslens
EXPOSE 8080
# Journal and snapshots when started with --data-dir /data: mount a volume there (see README).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/app/newslens", "healthcheck"]
ENTRYPOINT ["/app/newslens"]
CMD ["serve"]
