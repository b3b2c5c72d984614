# syntax=docker/dockerfile:1
# Build stage: every dependency, then the compiled JavaScript and the web app (`npm ci` runs
# `prepare`, i.e. `npm run build`, which writes dist/ and web/dist/).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY jobs ./jobs
COPY migrations ./migrations
COPY openapi ./openapi
COPY web ./web
RUN npm ci --no-audit --no-fund

# Production dependencies only, from the lock file; nothing to build here.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime stage: the compiled service, the built web app and their dependencies, run as an
# unprivileged user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production DOTENV_CONFIG_QUIET=true HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/relais.js"]
CMD ["serve"]
