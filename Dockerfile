# One image for both processes: `node dist/apps/api/src/main.js` or `node dist/apps/worker/src/main.js`.
# The first administrator, in the same image: `node dist/scripts/create-administrator.js --email … --name "…"`
# (with compose: `docker compose run --rm api node dist/scripts/create-administrator.js …`). It creates the database
# if missing and migrates it, so it works before the first start. test/foundation/create-administrator.test.ts runs
# it from a directory laid out by the COPY lines below: keep their `COPY --from=build … /app/<x> ./<x>` form.
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24.22.3-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/config ./config
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
