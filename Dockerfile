# Container image of Dzielnicowy (docs/deploy.md). Build: docker build -t dzielnicowy .
# Two stages: the first compiles (TypeScript, the Vite islands) with the dev dependencies, the
# second carries only what runs: production dependencies, dist/, public/, migrations/, resources/.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/dzielnicowy
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/resources ./resources
# The embedded database (when DATABASE_URL is not set) lives in a volume owned by the app's user.
RUN mkdir -p /var/lib/dzielnicowy && chown node:node /var/lib/dzielnicowy
USER node
VOLUME ["/var/lib/dzielnicowy"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
