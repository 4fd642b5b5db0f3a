# syntax=docker/dockerfile:1
# AIParksit images, all from one build:
#   --target api   the API (NestJS on Fastify), non-root, no dev dependencies, no sources
#   --target edge  the official nginx image with the built SPA; nginx.conf and certificates are mounted
# docker-compose.yml builds both.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-bookworm

# ---- build: install everything from the lockfile and build shared, api and web -----------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until package-lock.json changes.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY api/package.json api/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY shared shared
COPY migrations migrations
COPY api api
COPY web web
RUN npm run build

# ---- runtime dependencies only -----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY api/package.json api/
COPY web/package.json web/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- api ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3005 \
    SERVE_WEB=false
WORKDIR /app
COPY --from=runtime-deps /app/node_modules node_modules
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/shared/openapi.json shared/
COPY --from=build /app/api/package.json api/
COPY --from=build /app/api/dist api/dist
# The image's unprivileged "node" user; the code is root-owned and read-only to it.
USER node
EXPOSE 3005
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3005) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM reaches node directly (exec form): the API closes sockets and the pool, then exits.
CMD ["node", "api/dist/api/src/main.js"]

# ---- edge: nginx with the built SPA --------------------------------------------------------------
FROM ${NGINX_IMAGE} AS edge
COPY --from=build /app/web/dist /usr/share/nginx/html
