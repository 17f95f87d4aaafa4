# syntax=docker/dockerfile:1
# datalog-loader image: build with the Maven wrapper, run on a JRE.
#   docker build -t datalog-loader .
#   docker run --rm -v "$PWD/data_sample:/data" -e DATALOG_JDBC_URL=... -p 127.0.0.1:8080:8080 datalog-loader
# The bundled embedded-PostgreSQL binaries are linux-amd64 only; with DATALOG_JDBC_URL set (as in
# docker-compose.yml) they are never started, so the image also runs elsewhere for `run`/`report`.

# ---- build ------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY config/ config/
COPY init-script/ init-script/
COPY src/ src/
# The same wrapper command CI runs (.ci/run: ./mvnw -B verify), minus the tests: they need a
# PostgreSQL and run in CI, not in the image build. The Maven repository is a build cache only.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

# ---- run --------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jre

# curl for the HEALTHCHECK. Installed explicitly: newer Temurin images dropped it, and a JRE
# cannot run a single-file Java probe (no compiler); a second JVM every 30 s would cost far more.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

# A fixed non-root user; docker-compose.yml may run as the host user instead (bind-mount owner).
RUN groupadd --system --gid 10001 datalog \
 && useradd --system --uid 10001 --gid datalog --home-dir /app --shell /usr/sbin/nologin datalog \
 && mkdir -p /app /data \
 && chown datalog:datalog /app /data

WORKDIR /app
COPY --from=build /src/target/datalog-loader.jar /app/datalog-loader.jar
COPY config/ /app/config/
COPY init-script/ /app/init-script/

# Listen on all interfaces inside the container so the port can be published (the default is
# 127.0.0.1); the drop directory is a volume.
ENV DATALOG_HTTP_HOST=0.0.0.0 \
    DATALOG_HTTP_PORT=8080 \
    DATALOG_DROP_DIR=/data
VOLUME ["/data"]
EXPOSE 8080

USER datalog

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${DATALOG_HTTP_PORT:-8080}/observe/health" || exit 1

# Heap sized from the container's memory limit; on OutOfMemoryError exit and let the restart
# policy start a fresh JVM (the ledger makes a reload of the in-flight file safe).
ENTRYPOINT ["java", "-XX:InitialRAMPercentage=25.0", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/datalog-loader.jar"]
CMD ["run"]
