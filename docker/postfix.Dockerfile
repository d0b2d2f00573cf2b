# postfix.Dockerfile - staging MTA: Debian 12 Postfix + Cyrus SASL run by
# scripts/postfix-lab from the same docker/postfix/ templates the e2e tests use.
# Build from the repository root: docker build -f docker/postfix.Dockerfile .
FROM debian:12
ARG DEBIAN_FRONTEND=noninteractive
RUN echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections \
    && apt-get update && apt-get install -y --no-install-recommends \
        postfix sasl2-bin libsasl2-modules swaks ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY scripts/postfix-lab /opt/senderguard/scripts/postfix-lab
COPY docker/postfix/ /opt/senderguard/docker/postfix/
COPY docker/postfix-entrypoint.sh /opt/senderguard/docker/postfix-entrypoint.sh
EXPOSE 25 587
ENTRYPOINT ["/opt/senderguard/docker/postfix-entrypoint.sh"]
