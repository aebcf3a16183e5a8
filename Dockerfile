# The mechgraph API and client, for use with docker-compose.yml (Neo4j runs in its own container).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json codegen.ts tsconfig.base.json ./
COPY server/package.json server/package.json
COPY client/package.json client/package.json
RUN npm ci --no-audit --no-fund
COPY schema schema
COPY server server
COPY client client
COPY common common
COPY graph-seed graph-seed
RUN npm run codegen && npm run build -w client
ENV PORT=4000 HOST=0.0.0.0 NODE_ENV=production
EXPOSE 4000
CMD ["npx", "tsx", "server/src/main.ts"]
