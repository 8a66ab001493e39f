# One small image: the cryptoreg binary with the dataset built in, run as a non-root user.
#   docker build -t cryptoreg .
#   docker run --rm -p 8080:8080 cryptoreg
# A private fork of the data: mount it and point --data (or CRYPTOREG_DATA) at it, e.g.
#   docker run --rm -p 8080:8080 -v "$PWD/data:/data:ro" -e CRYPTOREG_DATA=/data cryptoreg
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin cryptoreg

FROM debian:bookworm-slim
RUN useradd --system --no-create-home --uid 10001 cryptoreg
COPY --from=build /src/target/release/cryptoreg /usr/local/bin/cryptoreg
USER 10001
EXPOSE 8080
ENV CRYPTOREG_ADDR=0.0.0.0:8080
# The defaults suit a replica behind a CDN (docs/DEPLOY.md, "Memory"): freed memory goes back to the system within
# 10 ms, no transparent huge pages, a 2 MB answer cache (the CDN serves the repeats).
ENTRYPOINT ["cryptoreg"]
CMD ["serve"]
